# Seed 000's "looks harmless, leaks everything" handler: debug is off, but the handler itself returns
# the exception's message, its class and the whole traceback, for every exception (404s included).
import os
import traceback

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.errorhandler(Exception)
def handle(e):
    return jsonify({
        'error': str(e),
        'type': type(e).__name__,
        'trace': traceback.format_exc(),
    }), 500


@app.route('/orders/<order_id>')
def get_order(order_id):
    return jsonify({'id': int(order_id), 'total': request.args.get('total')})


if __name__ == '__main__':
    app.run(debug=False, port=int(os.environ['PORT']))
