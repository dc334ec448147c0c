import winston from 'winston';
const t = new winston.transports.File({ filename: process.argv[2] });
t.on('error', (e) => console.error('TRANSPORT ERROR EVENT', e.message));
const l = winston.createLogger({ transports: [t] });
l.on('error', (e) => console.error('LOGGER ERROR EVENT', e.message));
for (let i = 0; i < 5; i++) l.info('line ' + i);
setTimeout(() => { console.error('dest?', !!t._dest, t._stream && t._stream.constructor.name); process.exit(0); }, 500);
