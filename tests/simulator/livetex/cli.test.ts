/** The CLI entry: arguments, and what it prints. */
import { describe, expect, it } from 'vitest';
import { parseLivetexArgs, runLivetexCli } from './cli';

describe('runLivetexCli', () => {
  it('parses its flags (and knobs from LIVETEX_KNOBS), refusing unknown ones', () => {
    const opts = parseLivetexArgs(
      ['--crm', 'livetex', '--port=0', '--seed', '7', '--latency', '20', '--role-mode', 'implementation', '--hidden-form=null', '--dataset', 'small'],
      { LIVETEX_KNOBS: '{"rateLimitPerSecond":0}' },
    );
    expect(opts).toEqual({
      port: 0,
      seed: 7,
      dataset: 'small',
      knobs: { rateLimitPerSecond: 0, latencyMs: 20, roleMode: 'implementation', hiddenForm: 'null' },
    });
    expect(() => parseLivetexArgs(['--role-mode', 'both'], {})).toThrow(/documented or implementation/);
    expect(() => parseLivetexArgs(['--rate', '3'], {})).toThrow(/unknown argument/);
  });

  it("prints the cabinet URL, the Web API URL and every role's e-mail and password", async () => {
    const lines: string[] = [];
    const sim = (await runLivetexCli(['--dataset', 'small', '--role-mode', 'implementation'], (l) => lines.push(l)))!;
    try {
      const text = lines.join('\n');
      expect(text).toContain(sim.cabinetUrl);
      expect(text).toContain(sim.apiUrl);
      for (const e of Object.values(sim.employees)) expect(text).toContain(`${e.email}  password: ${e.password}`);
      for (const role of ['admin', 'admin_partner', 'chief', 'chief_partner', 'manager', 'operator']) expect(text).toMatch(new RegExp(`^  ${role} `, 'm'));
      expect(sim.knobs.roleMode).toBe('implementation');
      expect(await runLivetexCli(['--help'], () => undefined)).toBeNull();
    } finally {
      await sim.close();
    }
  });
});
