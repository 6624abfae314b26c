#!/usr/bin/env node
/**
 * Draws the example photos of examples/photos/ and examples/duchao/ (issue 14): scenes in SVG — a street, a row of
 * buildings, a meeting room, a riverside park — rendered to JPEG with sharp, so the project ships pictures it made
 * itself. Deterministic; run it again after changing a scene: `node test/tools/make-photos.mjs`.
 * One is stored sideways with EXIF orientation 6, as phones store portrait shots; one is a portrait.
 */
import sharp from 'sharp';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const out = `${root}examples/photos/img`;
mkdirSync(out, { recursive: true });

/** A small deterministic random stream (the same windows and leaves every run). */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sky(w, h, top = '#7fb2e5', bottom = '#dcebf7') {
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#sky)"/>`;
}

function building(x, y, w, h, colour, r) {
  let s = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour}"/>`;
  for (let wy = y + 14; wy < y + h - 24; wy += 26) {
    for (let wx = x + 10; wx < x + w - 18; wx += 22) {
      const lit = r() > 0.6 ? '#f4e3a1' : '#5d7691';
      s += `<rect x="${wx}" y="${wy}" width="12" height="16" fill="${lit}"/>`;
    }
  }
  return s;
}

function street() {
  const w = 960, h = 640, r = rng(7);
  let s = sky(w, h);
  const colours = ['#c9b79c', '#a7a9ac', '#d8c3a5', '#b5838d', '#9aa5b1'];
  let x = -10;
  while (x < w) {
    const bw = 90 + Math.floor(r() * 90), bh = 180 + Math.floor(r() * 200);
    s += building(x, 400 - bh, bw, bh, colours[Math.floor(r() * colours.length)], r);
    x += bw + 6;
  }
  s += `<rect y="400" width="${w}" height="240" fill="#55585c"/><rect y="400" width="${w}" height="26" fill="#b9b4aa"/>`;
  for (let i = 0; i < 8; i++) s += `<rect x="${i * 130 + 20}" y="520" width="70" height="10" fill="#f2f2f2"/>`;
  // trees along the pavement
  for (let i = 0; i < 6; i++) {
    const tx = 60 + i * 170;
    s += `<rect x="${tx - 5}" y="340" width="10" height="70" fill="#6b4f2a"/><circle cx="${tx}" cy="330" r="38" fill="#3f7d3a"/><circle cx="${tx + 20}" cy="345" r="26" fill="#4f9a48"/>`;
  }
  // people in red vests (the inspection)
  for (let i = 0; i < 5; i++) {
    const px = 380 + i * 46;
    s += `<circle cx="${px}" cy="446" r="11" fill="#e0b48a"/><rect x="${px - 12}" y="458" width="24" height="44" rx="6" fill="${i === 2 ? '#2f3e5c' : '#d23b2f'}"/><rect x="${px - 10}" y="500" width="8" height="34" fill="#333"/><rect x="${px + 2}" y="500" width="8" height="34" fill="#333"/>`;
  }
  return { w, h, svg: s };
}

function meeting() {
  const w = 960, h = 600;
  let s = `<rect width="${w}" height="${h}" fill="#e9e2d3"/><rect y="0" width="${w}" height="70" fill="#c7b89b"/>`;
  s += `<rect x="260" y="90" width="440" height="170" fill="#8f1d1d"/><text x="480" y="190" font-size="44" fill="#f5d36b" text-anchor="middle" font-family="sans-serif">WORK MEETING</text>`;
  s += `<ellipse cx="480" cy="470" rx="420" ry="110" fill="#7a4b2a"/><ellipse cx="480" cy="462" rx="400" ry="98" fill="#8d5a34"/>`;
  const r = rng(3);
  for (let i = 0; i < 12; i++) {
    const a = Math.PI * (0.05 + (i / 11) * 0.9);
    const px = 480 - Math.cos(a) * 440, py = 400 - Math.sin(a) * 40 + (i % 2) * 4;
    s += `<circle cx="${px}" cy="${py - 46}" r="17" fill="#e2b98f"/><rect x="${px - 22}" y="${py - 30}" width="44" height="54" rx="10" fill="${r() > 0.5 ? '#2b3648' : '#3d3d3d'}"/>`;
    s += `<rect x="${px - 14}" y="${py + 30}" width="28" height="20" fill="#fafafa"/>`;
  }
  for (let i = 0; i < 5; i++) s += `<circle cx="${300 + i * 90}" cy="450" r="9" fill="#f6f6f6"/>`;
  return { w, h, svg: s };
}

function park() {
  const w = 640, h = 880, r = rng(11);
  let s = sky(w, h, '#9cc7ec', '#eef6fb');
  s += `<path d="M0 420 Q160 360 320 410 T640 400 V880 H0Z" fill="#7fb069"/>`;
  s += `<path d="M0 560 Q200 520 330 600 T640 640 V880 H0Z" fill="#4a90a4"/>`;
  for (let i = 0; i < 40; i++) s += `<rect x="${Math.floor(r() * 600)}" y="${600 + Math.floor(r() * 260)}" width="${20 + Math.floor(r() * 40)}" height="2" fill="#cfe8ef"/>`;
  s += `<rect x="330" y="250" width="14" height="200" fill="#6b4f2a"/><circle cx="337" cy="230" r="90" fill="#2e6b34"/><circle cx="290" cy="270" r="60" fill="#3b8743"/><circle cx="390" cy="275" r="55" fill="#3b8743"/>`;
  s += `<path d="M60 470 L200 450 L230 470 L90 492Z" fill="#b08d57"/><rect x="80" y="488" width="6" height="30" fill="#5a4630"/><rect x="210" y="466" width="6" height="30" fill="#5a4630"/>`;
  s += `<path d="M420 540 L640 520 L640 545 L420 562Z" fill="#c9c2b4"/>`;
  return { w, h, svg: s };
}

function river() {
  const w = 960, h = 560, r = rng(5);
  let s = sky(w, h, '#86b6e0', '#e4f0f8');
  s += building(40, 170, 150, 170, '#c8c2b6', r) + building(200, 120, 120, 220, '#b3a89a', r) + building(700, 150, 180, 190, '#cbbba0', r);
  s += `<path d="M330 340 Q480 200 630 340" stroke="#8a8a8a" stroke-width="18" fill="none"/><rect x="320" y="330" width="320" height="16" fill="#8a8a8a"/>`;
  s += `<rect y="340" width="${w}" height="220" fill="#4c86a8"/>`;
  for (let i = 0; i < 60; i++) s += `<rect x="${Math.floor(r() * 930)}" y="${360 + Math.floor(r() * 190)}" width="${20 + Math.floor(r() * 30)}" height="2" fill="#d5e7f1"/>`;
  s += `<path d="M520 450 L640 450 L620 480 L540 480Z" fill="#7a3b1f"/><rect x="560" y="420" width="40" height="30" fill="#e8dcc0"/>`;
  return { w, h, svg: s };
}

async function write(name, scene, opts = {}) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${scene.w}" height="${scene.h}" viewBox="0 0 ${scene.w} ${scene.h}">${scene.svg}</svg>`;
  let img = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' });
  // Stored as a phone stores a portrait shot: pixels turned, EXIF orientation 6 says turn them back.
  if (opts.sideways) img = sharp(await img.rotate(-90).png().toBuffer()).withMetadata({ orientation: 6 });
  await img.jpeg({ quality: 80 }).toFile(`${out}/${name}`);
  console.log(name);
}

await write('street.jpg', street());
await write('meeting.jpg', meeting());
await write('park-portrait.jpg', park());
await write('river.jpg', river());
await write('garden-sideways.jpg', park(), { sideways: true });
