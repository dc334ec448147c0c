# The secure implementation of seed 003: one errorhandler, HTTP errors keep their code, the rest
# become a generic JSON 500 while the stack goes to the server log; debug=False.
import logging
import os

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

app = Flask(__name__)
logging.basicConfig(level=logging.INFO)


@app.errorhandler(Exception)
def handle_exception(e):
    app.logger.error(f'Unhandled Exception: {str(e)}', exc_info=True)
    if isinstance(e, HTTPException):
        return jsonify({'error': e.description}), e.code
    return jsonify({'error': 'An internal server error occurred', 'ref': 'check_logs'}), 500


@app.route('/user')
def get_user():
    user_id = int(request.args.get('id'))
    return jsonify({'id': user_id})


if __name__ == '__main__':
    app.run(debug=False, port=int(os.environ['PORT']))
