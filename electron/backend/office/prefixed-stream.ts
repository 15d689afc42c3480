import { Duplex } from 'node:stream';
import type net from 'node:net';

/**
 * A duplex over `socket` that first yields `head`, the bytes already read to see what kind of connection
 * this is. A TLS socket built directly on the net.Socket would read from its native handle and never see
 * bytes that were read (and unshifted) in JavaScript; over this adapter it reads them first.
 */
export function prefixedStream(socket: net.Socket, head: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      socket.write(chunk, callback);
    },
    final(callback) {
      socket.end(callback);
    },
    destroy(error, callback) {
      socket.destroy(error ?? undefined);
      callback(error);
    },
  });
  duplex.push(head);
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.on('end', () => duplex.push(null));
  socket.on('close', () => duplex.destroy());
  socket.on('error', (error) => duplex.destroy(error));
  return duplex;
}
