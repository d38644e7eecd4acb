// The form's texts, and the model's messages it computes (validation, pending changes), go through
// @vscode/l10n's t(). The extension passes its bundle (vscode.l10n.bundle, absent in English) in
// the page's data-l10n attribute; it is read here, before any other module computes a text, so
// the form and the extension speak one language from one l10n/bundle.l10n.json.
import * as l10n from '@vscode/l10n';

const bundle = document.getElementById('app')?.dataset.l10n;
if (bundle) l10n.config({ contents: JSON.parse(bundle) as Record<string, string> });
