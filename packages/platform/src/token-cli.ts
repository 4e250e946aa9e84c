// npm run token -- --role <role> [--authority <GSS>] [--school <id>] [--learner <id>] [--region <code>] [--subject <s>] [--expires 8h]
// Prints a development identity token signed by the local identity provider's key.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { DEV_KEY_NAME, InvalidCallerError, ROLES, issueDevToken, loadOrCreateKeyPair } from '@wales-lac/caller';
import { platformConfigFromEnv } from './config.ts';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    authority: { type: 'string' },
    school: { type: 'string' },
    learner: { type: 'string' },
    region: { type: 'string' },
    subject: { type: 'string' },
    expires: { type: 'string', default: '8h' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

const USAGE = `npm run token -- --role <role> [options]: prints a development identity token.
  --authority <GSS>   required for virtual-school-head, social-worker and designated-teacher (the school's authority)
  --school <id>       required for designated-teacher (seven digits)
  --learner <id>      required for learner (its authority is the id's)
  --region <code>     required for consortium-analyst (GWE, ERW, CSC or EAS)
  --subject <s>       the token's subject (default dev:<role>:<what it names>)
  --expires <time>    lifetime (default 8h)
Roles: ${ROLES.join(', ')}`;

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

try {
  if (!values.role) throw new InvalidCallerError(`--role is required: one of ${ROLES.join(', ')}`);
  const config = platformConfigFromEnv(process.env);
  const keys = await loadOrCreateKeyPair(join(config.dataDir, 'keys'), DEV_KEY_NAME);
  const subject = values.subject ?? `dev:${values.role}:${values.learner ?? values.school ?? values.authority ?? values.region ?? 'wales'}`;
  const token = await issueDevToken(
    keys.privateKey,
    { sub: subject, role: values.role, authority: values.authority, school: values.school, learner: values.learner, region: values.region },
    { expiresIn: values.expires },
  );
  console.log(token);
} catch (error) {
  console.error(`token: ${(error as Error).message}`);
  process.exit(2);
}
