// Development only: choose a role (and the authority, school, learner or region it needs) and get a token
// for it from the local identity provider, as `npm run token` does.
import { useId, useState, type FormEvent } from 'react';
import type { PageSettings } from './settings.ts';

export interface ChosenRole {
  readonly token: string;
  readonly description: string;
}

interface Props {
  readonly settings: PageSettings;
  readonly tokenPath: string;
  readonly onToken: (chosen: ChosenRole) => void;
}

const NEEDS_AUTHORITY = new Set(['virtual-school-head', 'social-worker', 'designated-teacher']);

export function RolePicker({ settings, tokenPath, onToken }: Props) {
  const id = useId();
  const [role, setRole] = useState(settings.roles[0] ?? '');
  const [authority, setAuthority] = useState(settings.authorities[0]?.code ?? '');
  const [school, setSchool] = useState('');
  const [learner, setLearner] = useState('');
  const [region, setRegion] = useState(settings.regions[0]?.code ?? '');
  const [subject, setSubject] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const claims = {
    role,
    ...(NEEDS_AUTHORITY.has(role) ? { authority } : {}),
    ...(role === 'designated-teacher' ? { school } : {}),
    ...(role === 'learner' ? { learner } : {}),
    ...(role === 'consortium-analyst' ? { region } : {}),
    ...(subject ? { subject } : {}),
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(tokenPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(claims) });
      const body = (await response.json()) as { token?: string; errors?: { message: string }[] };
      if (!body.token) throw new Error(body.errors?.[0]?.message ?? `the token was refused (HTTP ${response.status})`);
      const detail = Object.entries(claims)
        .filter(([name]) => name !== 'role')
        .map(([, value]) => value);
      onToken({ token: body.token, description: [role, ...detail].join(', ') });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="role-picker" onSubmit={(event) => void submit(event)} aria-label="Choose a development role">
      <label htmlFor={`${id}-role`}>Role</label>
      <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
        {settings.roles.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {NEEDS_AUTHORITY.has(role) && (
        <>
          <label htmlFor={`${id}-authority`}>Authority</label>
          <select id={`${id}-authority`} value={authority} onChange={(e) => setAuthority(e.target.value)}>
            {settings.authorities.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name} ({a.code})
              </option>
            ))}
          </select>
        </>
      )}
      {role === 'designated-teacher' && (
        <>
          <label htmlFor={`${id}-school`}>School id</label>
          <input id={`${id}-school`} value={school} required placeholder="6812001" onChange={(e) => setSchool(e.target.value)} />
        </>
      )}
      {role === 'learner' && (
        <>
          <label htmlFor={`${id}-learner`}>Learner id</label>
          <input id={`${id}-learner`} value={learner} required placeholder="W06000015:L000001" onChange={(e) => setLearner(e.target.value)} />
        </>
      )}
      {role === 'consortium-analyst' && (
        <>
          <label htmlFor={`${id}-region`}>Region</label>
          <select id={`${id}-region`} value={region} onChange={(e) => setRegion(e.target.value)}>
            {settings.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} ({r.code})
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={`${id}-subject`}>Subject (optional)</label>
      <input id={`${id}-subject`} value={subject} placeholder="sw-CRF-001" onChange={(e) => setSubject(e.target.value)} />
      <button type="submit" disabled={busy}>
        Use this role
      </button>
      {problem && (
        <p role="alert" className="role-problem">
          {problem}
        </p>
      )}
    </form>
  );
}
