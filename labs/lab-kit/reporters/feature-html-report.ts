import { formatVirtualTime } from '../../../core/index.js';
import { problemText, stepLine, type PlayedFeature } from './feature-results.js';

/**
 * Played features as one self-contained HTML page in the spirit of cucumber's report: each feature with its
 * scenarios, each step marked passed, failed, skipped or undefined, and the failures spelt out. No script, no
 * external file: it opens from a CI artifact or an e-mail.
 */
export function featureHtmlReport(features: readonly PlayedFeature[], generatedAt: Date): string {
  const scenarios = features.flatMap((f) => f.run.scenarios);
  const passed = scenarios.filter((s) => s.status === 'passed').length;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ecs-lab scenarios: ${passed} of ${scenarios.length} passed</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>ecs-lab scenarios</h1>
<p class="summary ${passed === scenarios.length ? 'passed' : 'failed'}">${passed} of ${scenarios.length} scenarios passed, in ${features.length} feature file${features.length === 1 ? '' : 's'}.</p>
<p class="meta">Generated ${html(generatedAt.toISOString())}. Times are virtual: the simulator's clock, not the wall's.</p>
</header>
${features.map(featureSection).join('\n')}
</body>
</html>
`;
}

function featureSection({ file, run }: PlayedFeature): string {
  return `<section class="feature ${run.status}">
<h2><span class="status">${run.status}</span> Feature: ${html(run.name)}</h2>
<p class="file">${html(file)}</p>
${run.description ? `<p class="description">${html(run.description)}</p>` : ''}
${run.scenarios
  .map(
    (scenario) => `<details class="scenario ${scenario.status}"${scenario.status === 'passed' ? '' : ' open'}>
<summary><span class="status">${scenario.status}</span> Scenario: ${html(scenario.name)} <span class="line">line ${scenario.line}</span></summary>
<ol class="steps">
${scenario.steps
  .map(
    (step) => `<li class="${step.status}"><span class="status">${step.status}</span> <span class="time">${formatVirtualTime(step.startedAt)}</span> ${html(stepLine(step))}${
      step.status === 'failed' || step.status === 'undefined' ? `<pre class="error">${html(problemText(step))}</pre>` : ''
    }</li>`,
  )
  .join('\n')}
</ol>
</details>`,
  )
  .join('\n')}
</section>`;
}

function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1f2328; }
h1 { margin-bottom: 0.25rem; }
.meta, .file, .line, .time { color: #59636e; font-size: 0.85em; }
.summary { font-weight: 600; }
.summary.passed { color: #1a7f37; } .summary.failed { color: #cf222e; }
.feature { border-top: 1px solid #d1d9e0; margin-top: 1.5rem; }
.scenario { margin: 0.5rem 0; padding: 0.25rem 0.75rem; border-left: 4px solid #1a7f37; background: #f6f8fa; }
.scenario.failed, .scenario.undefined { border-left-color: #cf222e; }
summary { cursor: pointer; font-weight: 600; }
.steps { list-style: none; padding-left: 0.5rem; }
.status { display: inline-block; min-width: 5.5rem; font-size: 0.75em; text-transform: uppercase; font-weight: 700; }
.passed > .status, li.passed .status { color: #1a7f37; }
.failed > .status, li.failed .status, .undefined > .status, li.undefined .status { color: #cf222e; }
li.skipped { color: #59636e; }
.error { white-space: pre-wrap; background: #ffebe9; padding: 0.5rem; border-radius: 4px; }
`;
