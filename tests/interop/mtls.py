"""mTLS handshake on 127.0.0.1 between Python's ssl (OpenSSL) server and client.

Usage: python3 mtls.py ROOT SERVER_FULLCHAIN SERVER_KEY CLIENT_FULLCHAIN CLIENT_KEY HOSTNAME
Prints "handshake ok" and exits 0 when the server accepts the client and the client accepts the
server; prints the error and exits 1 otherwise. Bounded: one connection, 10 s timeouts.
"""
import socket
import ssl
import sys
import threading

root, server_chain, server_key, client_chain, client_key, hostname = sys.argv[1:7]

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(server_chain, server_key)
server_ctx.verify_mode = ssl.CERT_REQUIRED
server_ctx.load_verify_locations(root)

client_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
client_ctx.load_verify_locations(root)
client_ctx.load_cert_chain(client_chain, client_key)

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
listener.settimeout(10)
server_error = []


def serve():
    try:
        conn, _ = listener.accept()
        conn.settimeout(10)
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            tls.sendall(tls.recv(4))
    except Exception as e:  # reported by the main thread
        server_error.append(e)


thread = threading.Thread(target=serve)
thread.start()
try:
    with socket.create_connection(listener.getsockname(), timeout=10) as raw:
        with client_ctx.wrap_socket(raw, server_hostname=hostname) as tls:
            tls.sendall(b"ping")
            reply = tls.recv(4)
    thread.join(10)
    if server_error:
        raise server_error[0]
    assert reply == b"ping", reply
    print("handshake ok")
except Exception as e:
    thread.join(10)
    print(f"handshake failed: {e!r} {server_error!r}")
    sys.exit(1)
