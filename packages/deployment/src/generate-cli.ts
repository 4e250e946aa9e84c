// npm run generate:k8s                writes deploy/kubernetes/*.yaml from settings.json and the authorities
// npm run generate:k8s -- --check     fails when the committed files are not what it would write
import { DEPLOY_DIR, differences, loadSettings, renderDeployment, writeDeployment } from './render.ts';

const rendered = renderDeployment(loadSettings());
if (process.argv.includes('--check')) {
  const problems = differences(rendered, DEPLOY_DIR);
  if (problems.length > 0) {
    console.error(`deploy/kubernetes/ is not current (${problems.join('; ')}): run npm run generate:k8s and commit it`);
    process.exit(1);
  }
  console.log(`Kubernetes manifests are current (${rendered.size} files)`);
} else {
  writeDeployment(rendered, DEPLOY_DIR);
  console.log(`wrote ${rendered.size} files to deploy/kubernetes/`);
}
