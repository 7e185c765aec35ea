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

  it('catches the token in any case, without its prefix, spaced or hyphenated out, and base64-encoded', () => {
    const token = ['flp', 'SECRETsecret123xyz'].join('_');
    const bare = token.slice(4);
    const forms = [
      token.toUpperCase(),
      token.toLowerCase(),
      bare,
      bare.toUpperCase(),
      [...token].join(' '),
      [...token].join('-'),
      [...bare].join(' - '),
      [...bare].join('.'),
      Buffer.from(token).toString('base64'),
      Buffer.from(token).toString('base64url'),
      Buffer.from(bare).toString('base64'),
      // inside a longer encoded string, at each of the three byte alignments
      Buffer.from(`x${token}`).toString('base64'),
      Buffer.from(`xy${token}`).toString('base64url'),
      Buffer.from(`Authorization: Bearer ${token}`).toString('base64'),
    ];
    for (const form of forms) {
      const out = redact(`before ${form} after`, [token]);
      expect(out, form).toContain('[redacted]');
      expect(out.replace(/[\s.-]/g, '').toLowerCase(), form).not.toContain(bare.toLowerCase());
      expect(out, form).not.toContain(Buffer.from(bare).toString('base64').slice(0, 12));
    }
    // Ordinary text is left alone.
    expect(redact('FriendliAI is unavailable (HTTP 503); try again shortly.', [token])).toBe('FriendliAI is unavailable (HTTP 503); try again shortly.');
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
