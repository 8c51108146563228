#!/usr/bin/env node
/**
 * `npm run claims:fit`: fits the check-worthiness model (logistic regression over the cues and word
 * n-grams of core/claims/claim-features.ts) on the labelled sentences in
 * ../shared/data/checkworthiness (or CHECKWORTHINESS_DATA), evaluates it on a split held out from
 * fitting, and writes core/claims/claim-model.json with the figures.
 *
 * Settings (epochs, learning rate) are chosen on a validation fifth carved out of the fitting data.
 * Held out, never fitted on nor used to choose anything: every fifth CLEF debate (sorted by file name, 10 of 50) and the
 * ClaimBuster sentences whose sentence_id is a multiple of 5. Reported as the field does: MAP of the
 * ranking within each held-out debate, and F1 of the positive class on held-out ClaimBuster at the
 * model's threshold (chosen for F1 on the fitted ClaimBuster sentences).
 *
 * The data is read, never copied: only the weights are shipped.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DATA = process.env.CHECKWORTHINESS_DATA || path.join(ROOT, '..', 'shared', 'data', 'checkworthiness');
const MODEL_FILE = path.join(ROOT, 'src', 'plugins', 'newsgraph', 'server', 'src', 'core', 'claims', 'claim-model.json');
const CORE = path.join(ROOT, 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'claims');
const { analyse, CLAIM_CUES, ngramsOf } = require(path.join(CORE, 'claim-features.js'));
const { createClaimScorer } = require(path.join(CORE, 'claim-scorer.js'));

/** n-grams seen in fewer training sentences than this are left out: they would only fit noise. */
const MIN_DOCUMENT_FREQUENCY = Number(process.env.CLAIMS_FIT_MIN_DF || 3);
const L2 = Number(process.env.CLAIMS_FIT_L2 || 1e-5);
/** n-gram weights smaller than this are dropped from the shipped model (they change no ranking). */
const PRUNE_BELOW = Number(process.env.CLAIMS_FIT_PRUNE || 0.01);

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

function loadClef() {
  const folder = path.join(DATA, 'clef2020-task5-train');
  const files = fs.readdirSync(folder).filter((file) => file.endsWith('.tsv')).sort();
  const rows = [];
  files.forEach((file, fileIndex) => {
    for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      const parts = line.split('\t');
      if (parts.length < 4) continue;
      rows.push({ source: 'clef', debate: file, debateIndex: fileIndex, text: parts[2], label: Number(parts[3]) === 1 ? 1 : 0, heldOut: fileIndex % 5 === 4 });
    }
  });
  return rows;
}

function loadClaimBuster() {
  const items = JSON.parse(fs.readFileSync(path.join(DATA, 'claimbuster-train.json'), 'utf8'));
  return items.map((item) => ({ source: 'claimbuster', id: item.sentence_id, text: item.text, label: Number(item.label) === 1 ? 1 : 0, heldOut: item.sentence_id % 5 === 0 }));
}

/** Cue values and n-grams of every row, computed once for all fits. */
function featurize(rows) {
  for (const row of rows) {
    const sentence = analyse(row.text);
    row.cues = CLAIM_CUES.map((cue) => cue.value(sentence));
    row.gramTexts = ngramsOf(sentence);
  }
}

function fit(training, vocabularySize, { epochs, learningRate }) {
  const cueWeights = new Float64Array(CLAIM_CUES.length);
  const gramWeights = new Float64Array(vocabularySize);
  const cueSquares = new Float64Array(CLAIM_CUES.length).fill(1e-8);
  const gramSquares = new Float64Array(vocabularySize).fill(1e-8);
  let bias = 0;
  let biasSquares = 1e-8;
  // Each data set weighs its positives and negatives alike: CLEF has 1% positives, ClaimBuster 25%.
  const weightOf = new Map();
  for (const source of ['clef', 'claimbuster']) {
    const rows = training.filter((row) => row.source === source);
    const positiveRate = rows.filter((row) => row.label === 1).length / rows.length;
    weightOf.set(`${source}:1`, Math.min(20, 0.5 / positiveRate));
    weightOf.set(`${source}:0`, 0.5 / (1 - positiveRate));
  }
  const order = training.map((_, index) => index);
  for (let epoch = 0; epoch < epochs; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    for (const rowIndex of order) {
      const row = training[rowIndex];
      let sum = bias;
      row.cues.forEach((value, cue) => (sum += cueWeights[cue] * value));
      for (const gram of row.grams) sum += gramWeights[gram];
      const predicted = 1 / (1 + Math.exp(-sum));
      const error = (predicted - row.label) * weightOf.get(`${row.source}:${row.label}`);
      // AdaGrad: rare n-grams keep a larger step than frequent ones.
      biasSquares += error * error;
      bias -= (learningRate / Math.sqrt(biasSquares)) * error;
      row.cues.forEach((value, cue) => {
        if (value === 0) return;
        const gradient = error * value + L2 * cueWeights[cue];
        cueSquares[cue] += gradient * gradient;
        cueWeights[cue] -= (learningRate / Math.sqrt(cueSquares[cue])) * gradient;
      });
      for (const gram of row.grams) {
        const gradient = error + L2 * gramWeights[gram];
        gramSquares[gram] += gradient * gradient;
        gramWeights[gram] -= (learningRate / Math.sqrt(gramSquares[gram])) * gradient;
      }
    }
  }
  return { bias, cueWeights, gramWeights };
}

function averagePrecision(scored) {
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  let hits = 0;
  let sum = 0;
  ranked.forEach((row, rank) => {
    if (row.label !== 1) return;
    hits += 1;
    sum += hits / (rank + 1);
  });
  return hits === 0 ? null : sum / hits;
}

function f1At(scored, threshold) {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const row of scored) {
    const predicted = row.score >= threshold;
    if (predicted && row.label === 1) truePositives += 1;
    else if (predicted) falsePositives += 1;
    else if (row.label === 1) falseNegatives += 1;
  }
  return truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
}

/** Fits a model on `training` with one setting; its threshold is the best F1 on its own ClaimBuster rows. */
function buildModel(training, setting) {
  const frequency = new Map();
  for (const row of training) for (const gram of row.gramTexts) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
  const vocabulary = new Map();
  for (const [gram, count] of frequency) if (count >= MIN_DOCUMENT_FREQUENCY) vocabulary.set(gram, vocabulary.size);
  for (const row of training) row.grams = row.gramTexts.map((gram) => vocabulary.get(gram)).filter((index) => index !== undefined);

  const { bias, cueWeights, gramWeights } = fit(training, vocabulary.size, setting);
  const ngrams = {};
  for (const [gram, index] of vocabulary) if (Math.abs(gramWeights[index]) >= PRUNE_BELOW) ngrams[gram] = Number(gramWeights[index].toFixed(3));
  const cues = Object.fromEntries(CLAIM_CUES.map((cue, index) => [cue.id, Number(cueWeights[index].toFixed(4))]));
  const model = { version: 1, bias: Number(bias.toFixed(4)), cues, ngrams, threshold: 0.5 };

  const score = createClaimScorer(model);
  const scored = training.filter((row) => row.source === 'claimbuster').map((row) => ({ label: row.label, score: score(row.text).score }));
  let best = { threshold: 0.5, f1: -1 };
  for (let threshold = 0.05; threshold < 0.96; threshold += 0.01) {
    const f1 = f1At(scored, threshold);
    if (f1 > best.f1) best = { threshold: Number(threshold.toFixed(2)), f1 };
  }
  model.threshold = best.threshold;
  return { model, candidates: vocabulary.size };
}

/** MAP over the CLEF debates and positive-class F1 over the ClaimBuster sentences of `rows`. */
function evaluate(model, rows) {
  // The shipped scorer, not the training arrays, scores the evaluation: what is measured is what ships.
  const score = createClaimScorer(model);
  const scored = rows.map((row) => ({ ...row, score: score(row.text).score }));
  const debates = [...new Set(scored.filter((row) => row.source === 'clef').map((row) => row.debate))];
  const precisions = debates.map((debate) => averagePrecision(scored.filter((row) => row.debate === debate))).filter((value) => value !== null);
  const claimBuster = scored.filter((row) => row.source === 'claimbuster');
  return {
    map: precisions.reduce((sum, value) => sum + value, 0) / precisions.length,
    debates: debates.length,
    f1: f1At(claimBuster, model.threshold),
    claimBusterSentences: claimBuster.length,
  };
}

/** Settings tried; chosen on a validation split carved out of the fitting data, never on the held-out one. */
const SETTINGS = [
  { epochs: 5, learningRate: 0.005 },
  { epochs: 5, learningRate: 0.01 },
  { epochs: 10, learningRate: 0.01 },
  { epochs: 10, learningRate: 0.02 },
  { epochs: 5, learningRate: 0.05 },
];

function main() {
  const started = Date.now();
  const rows = [...loadClef(), ...loadClaimBuster()];
  featurize(rows);
  const training = rows.filter((row) => !row.heldOut);
  const heldOut = rows.filter((row) => row.heldOut);

  // Validation inside the fitting data: one more fifth of the debates and of ClaimBuster.
  const isValidation = (row) => (row.source === 'clef' ? row.debateIndex % 5 === 3 : row.id % 5 === 1);
  const inner = training.filter((row) => !isValidation(row));
  const validation = training.filter(isValidation);
  let chosen = null;
  for (const setting of SETTINGS) {
    const { model } = buildModel(inner, setting);
    const result = evaluate(model, validation);
    // MAP and F1 live on different scales (0.1 against 0.6); each is taken relative to its best.
    console.log(`  validation: ${setting.epochs} epochs at rate ${setting.learningRate}: MAP ${result.map.toFixed(3)}, F1 ${result.f1.toFixed(3)}`);
    setting.result = result;
  }
  const bestMap = Math.max(...SETTINGS.map((setting) => setting.result.map));
  const bestF1 = Math.max(...SETTINGS.map((setting) => setting.result.f1));
  for (const setting of SETTINGS) {
    const merit = setting.result.map / bestMap + setting.result.f1 / bestF1;
    if (!chosen || merit > chosen.merit) chosen = { setting, merit };
  }

  const { model, candidates } = buildModel(training, chosen.setting);
  const result = evaluate(model, heldOut);
  model.fitted = {
    setting: { epochs: chosen.setting.epochs, learningRate: chosen.setting.learningRate, l2: L2, minDocumentFrequency: MIN_DOCUMENT_FREQUENCY },
    data: { clefDebates: { fitted: 50 - result.debates, heldOut: result.debates }, fittedSentences: training.length, heldOutSentences: heldOut.length },
    vocabulary: { candidates, shipped: Object.keys(model.ngrams).length },
    heldOut: { clefMap: Number(result.map.toFixed(4)), claimBusterPositiveF1: Number(result.f1.toFixed(4)), claimBusterSentences: result.claimBusterSentences },
  };
  fs.writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`claims:fit: ${training.length} sentences fitted (${chosen.setting.epochs} epochs at rate ${chosen.setting.learningRate}), ${heldOut.length} held out; ${Object.keys(model.ngrams).length} n-gram weights kept of ${candidates}`);
  console.log(`held-out CLEF MAP over ${result.debates} debates: ${result.map.toFixed(3)}`);
  console.log(`held-out ClaimBuster positive-class F1 at threshold ${model.threshold}: ${result.f1.toFixed(3)} (${result.claimBusterSentences} sentences)`);
  console.log(`wrote ${path.relative(ROOT, MODEL_FILE)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
