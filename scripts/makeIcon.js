// Makes the marketplace icon (media/icon.png, 128x128) from the activity-bar glyph
// (media/cognito-sync.svg): the glyph in white on a rounded square, rendered by rsvg-convert
// (Debian's librsvg2-bin). The PNG is committed; run this again after the glyph changes.
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const glyph = fs.readFileSync(path.join(root, 'media', 'cognito-sync.svg'), 'utf8');
const inner = /<svg[^>]*>([\s\S]*)<\/svg>/.exec(glyph)?.[1];
if (!inner) throw new Error('media/cognito-sync.svg has no <svg> content');

// 24-unit glyph scaled to 88 px and centred in 128; stroke kept proportionate.
const icon = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3B48CC"/><stop offset="1" stop-color="#1B2A6B"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#bg)"/>
  <g transform="translate(20 20) scale(3.6667)" fill="none" stroke="#FFFFFF" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${inner}</g>
</svg>`;

const out = path.join(root, 'media', 'icon.png');
execFileSync('rsvg-convert', ['--width', '128', '--height', '128', '--format', 'png', '--output', out], { input: icon });
console.log(`icon: ${path.relative(root, out)} ${fs.statSync(out).size} bytes`);
