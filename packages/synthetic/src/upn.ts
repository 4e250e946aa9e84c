// Issues Unique Pupil Numbers the way schools do: authority, establishment, year, serial.
import { upnCheckLetter } from '@wales-lac/wales';

export class UpnIssuer {
  private readonly nextSerial = new Map<string, number>();

  /** A valid UPN; the serial counts up per establishment and year, so UPNs never repeat. */
  issue(laNumber: string, establishment: string, yearOfIssue: number): string {
    const prefix = `${laNumber}${establishment}${String(yearOfIssue % 100).padStart(2, '0')}`;
    if (!/^\d{9}$/.test(prefix)) throw new RangeError(`bad UPN prefix '${prefix}'`);
    const serial = this.nextSerial.get(prefix) ?? 1;
    if (serial > 999) throw new RangeError(`establishment ${laNumber}${establishment} issued 999 UPNs in one year`);
    this.nextSerial.set(prefix, serial + 1);
    const body = `${prefix}${String(serial).padStart(3, '0')}`;
    return upnCheckLetter(body) + body;
  }
}
