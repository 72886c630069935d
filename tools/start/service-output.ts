import pinoPretty from 'pino-pretty';

const COLOURS = [36, 35, 33, 32, 34, 96]; // cyan, magenta, yellow, green, blue, bright cyan

/** Returns a printer that shows one service's output lines, pino JSON made readable, each prefixed with the service name. */
export function servicePrinter(name: string, index: number, width: number): (line: string) => void {
  const colour = process.stdout.isTTY === true;
  const label = name.padEnd(width);
  const prefix = colour ? `\u001b[${COLOURS[index % COLOURS.length]}m${label}\u001b[0m │ ` : `${label} │ `;
  const pretty = pinoPretty.prettyFactory({ colorize: colour, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' });
  return (line) => {
    for (const shown of pretty(line).replace(/\n$/, '').split('\n')) process.stdout.write(`${prefix}${shown}\n`);
  };
}
