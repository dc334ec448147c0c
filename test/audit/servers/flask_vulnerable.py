# The vulnerable pattern of seed 003: the handler returns str(e) with a 500, and debug=True.
# Only the port and the reloader are the harness's (the reloader would fork a second server).
import os

from flask import Flask, request

app = Flask(__name__)


@app.route('/user')
def get_user():
    try:
        user_id = request.args.get('id')
        return f'User Data for {int(user_id)}'
    except Exception as e:
        return str(e), 500


if __name__ == '__main__':
    app.run(debug=True, port=int(os.environ['PORT']), use_reloader=False)
