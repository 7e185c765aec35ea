import { describe, expect, it } from 'vitest';
import { AppError, createLogger, redact } from './errors';

describe('redact', () => {
  it('removes the token, bearer credentials and Friendli-shaped tokens', () => {
    // Token-shaped strings are built here, so that none is committed for secret scanners to flag.
    const token = ['flp', 'SECRETsecret123'].join('_');
    expect(redact(`token ${token} in text`, [token])).toBe('token [redacted] in text');
    expect(redact('Authorization: Bearer abc.def-ghi', [])).toBe('Authorization: Bearer [redacted]');
    expect(redact(`echoed ${['flp', 'someOtherToken99'].join('_')}`, [])).toBe('echoed [redacted]');
    expect(redact('custom-token-without-prefix', ['custom-token-without-prefix'])).toBe('[redacted]');
  });

  it('applies to error bodies and log lines', () => {
    const token = 'plain-secret-value';
    const body = new AppError(502, 'upstream_auth', `refused ${token}`, { details: [`detail ${token}`] }).toBody([token]);
    expect(JSON.stringify(body)).not.toContain(token);
    const lines: string[] = [];
    createLogger([token], (l) => lines.push(l)).error('failed', { header: `Bearer ${token}`, note: token });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(token);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', message: 'failed', note: '[redacted]' });
  });
});
