//! Hashed weight tables: reading the compiled-in file, scoring, and the
//! averaged perceptron that trains them.
//!
//! File layout (little-endian): the magic `CHRONOEV`, a `u32` version, a
//! `u32` table count, then per table a `u32` number of hash bits, a `u32`
//! number of classes, an `f32` scale and `classes << bits` `i8` weights,
//! bucket-major. A weight is its `i8` times the scale.

use std::borrow::Cow;

const MAGIC: &[u8; 8] = b"CHRONOEV";
const VERSION: u32 = 2;

/// One table of a weights file.
#[derive(Debug, Clone, Copy)]
struct TableRef {
    bits: u32,
    classes: usize,
    offset: usize,
}

/// The weight tables of the event model.
#[derive(Debug, Clone)]
pub(crate) struct Weights {
    bytes: Cow<'static, [u8]>,
    tables: Vec<TableRef>,
}

fn read_u32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

impl Weights {
    /// Parses a weights file; `None` if it is malformed.
    pub(crate) fn parse(bytes: Cow<'static, [u8]>) -> Option<Weights> {
        if bytes.get(..8)? != MAGIC || read_u32(&bytes, 8)? != VERSION {
            return None;
        }
        let count = read_u32(&bytes, 12)? as usize;
        let mut at = 16;
        let mut tables = Vec::with_capacity(count);
        for _ in 0..count {
            let bits = read_u32(&bytes, at)?;
            let classes = read_u32(&bytes, at + 4)? as usize;
            if !(1..=30).contains(&bits) || classes == 0 || classes > 64 {
                return None;
            }
            at += 12;
            tables.push(TableRef {
                bits,
                classes,
                offset: at,
            });
            at = at.checked_add(classes << bits)?;
        }
        (at == bytes.len()).then_some(Weights { bytes, tables })
    }

    /// The number of tables.
    pub(crate) fn len(&self) -> usize {
        self.tables.len()
    }

    /// The number of classes of table `table`.
    pub(crate) fn classes(&self, table: usize) -> usize {
        self.tables[table].classes
    }

    /// The file's bytes up to table `table`, with the table count set to
    /// `table`: the start of a file whose later tables are rewritten.
    pub(crate) fn head(&self, table: usize) -> Vec<u8> {
        let end = self
            .tables
            .get(table)
            .map_or(self.bytes.len(), |t| t.offset - 12);
        let mut out = self.bytes[..end].to_vec();
        out[12..16].copy_from_slice(&(table as u32).to_le_bytes());
        out
    }

    /// Adds the weights of `features` in table `table` into `scores` (one
    /// per class, in units of the table's scale).
    pub(crate) fn score(&self, table: usize, features: &[u64], scores: &mut [i32]) {
        let t = self.tables[table];
        let data = &self.bytes[t.offset..t.offset + (t.classes << t.bits)];
        // A row of a known width is summed in a fixed-size array, which the
        // compiler turns into a few vector instructions per feature; the
        // event table (8 classes) is read 32 times for each candidate word.
        match t.classes {
            2 => score_rows::<2>(data, t.bits, features, scores),
            3 => score_rows::<3>(data, t.bits, features, scores),
            4 => score_rows::<4>(data, t.bits, features, scores),
            5 => score_rows::<5>(data, t.bits, features, scores),
            6 => score_rows::<6>(data, t.bits, features, scores),
            7 => score_rows::<7>(data, t.bits, features, scores),
            8 => score_rows::<8>(data, t.bits, features, scores),
            classes => {
                for &feature in features {
                    let base = (feature >> (64 - t.bits)) as usize * classes;
                    let row = &data[base..base + classes];
                    for (score, &weight) in scores.iter_mut().zip(row) {
                        *score += i32::from(weight as i8);
                    }
                }
            }
        }
    }

    /// The best class of `features` in table `table`, among `allowed`
    /// (all classes when empty).
    pub(crate) fn best(&self, table: usize, features: &[u64], allowed: &[usize]) -> usize {
        let mut scores = [0i32; 64];
        let classes = self.tables[table].classes;
        let scores = &mut scores[..classes];
        self.score(table, features, scores);
        if allowed.is_empty() {
            let mut best = 0;
            for (c, &score) in scores.iter().enumerate() {
                if score > scores[best] {
                    best = c;
                }
            }
            return best;
        }
        let mut best = allowed[0];
        for &c in allowed {
            if scores.get(c).is_some_and(|&s| s > scores[best]) {
                best = c;
            }
        }
        best
    }
}

/// The widest row of a [`Fused`] table: two `u64`s.
const FUSED_WIDTH: usize = 16;

/// Tables of one hash width read side by side: a bucket's rows of all of
/// them in one 16-byte row, so that a feature costs two reads for all the
/// tables instead of one per table. The part-of-speech, tense and aspect
/// tables (5 + 6 + 4 classes) are read this way for every event.
#[derive(Debug, Clone)]
pub(crate) struct Fused {
    bits: u32,
    /// Each table's first column and number of classes.
    parts: Vec<(usize, usize)>,
    data: Vec<u8>,
}

impl Weights {
    /// Whether [`Weights::fuse`] can fuse `tables`: they exist, have one
    /// hash width, and their rows together are at most 16 bytes.
    pub(crate) fn can_fuse(&self, tables: &[usize]) -> bool {
        let refs: Option<Vec<TableRef>> = tables
            .iter()
            .map(|&t| self.tables.get(t).copied())
            .collect();
        let Some(refs) = refs.filter(|r| !r.is_empty()) else {
            return false;
        };
        let width: usize = refs.iter().map(|t| t.classes).sum();
        width <= FUSED_WIDTH && refs.iter().all(|t| t.bits == refs[0].bits)
    }

    /// The tables `tables` fused into one, or `None` when they cannot be
    /// (see [`Weights::can_fuse`]).
    pub(crate) fn fuse(&self, tables: &[usize]) -> Option<Fused> {
        if !self.can_fuse(tables) {
            return None;
        }
        let refs: Vec<TableRef> = tables.iter().map(|&t| self.tables[t]).collect();
        let bits = refs.first()?.bits;
        // Padding columns weigh nothing (0 as i8).
        let mut data = vec![0u8; FUSED_WIDTH << bits];
        let mut parts = Vec::with_capacity(refs.len());
        let mut column = 0;
        for t in &refs {
            let table = self.bytes.get(t.offset..t.offset + (t.classes << bits))?;
            for (bucket, row) in table.chunks_exact(t.classes).enumerate() {
                let at = bucket * FUSED_WIDTH + column;
                data[at..at + t.classes].copy_from_slice(row);
            }
            parts.push((column, t.classes));
            column += t.classes;
        }
        Some(Fused { bits, parts, data })
    }
}

impl Fused {
    /// The best class of `features` in each fused table, in the order they
    /// were fused, into `best` (ties go to the first class, as in
    /// [`Weights::best`]).
    pub(crate) fn best(&self, features: &[u64], best: &mut [usize]) {
        const LANES: u64 = 0x00ff_00ff_00ff_00ff;
        let mut scores = [0i32; FUSED_WIDTH];
        for block in features.chunks(256) {
            let mut lanes = [0u64; 4];
            for &feature in block {
                let base = (feature >> (64 - self.bits)) as usize * FUSED_WIDTH;
                // A row past the end (not in a fused table) weighs nothing.
                let row = self
                    .data
                    .get(base..base + FUSED_WIDTH)
                    .unwrap_or(&[0; FUSED_WIDTH]);
                let mut bytes = [0u8; FUSED_WIDTH];
                bytes.copy_from_slice(row);
                let word = u128::from_le_bytes(bytes) ^ (0x80 * (u128::MAX / 0xff));
                let (low, high) = (word as u64, (word >> 64) as u64);
                lanes[0] += low & LANES;
                lanes[1] += (low >> 8) & LANES;
                lanes[2] += high & LANES;
                lanes[3] += (high >> 8) & LANES;
            }
            let count = block.len() as i32;
            for (column, score) in scores.iter_mut().enumerate() {
                let lane = lanes[2 * (column / 8) + column % 2] >> (16 * ((column % 8) / 2));
                *score += (lane & 0xffff) as i32 - 128 * count;
            }
        }
        for (&(start, classes), best) in self.parts.iter().zip(best) {
            let part = &scores[start..start + classes];
            let mut top = 0;
            for (c, &score) in part.iter().enumerate() {
                if score > part[top] {
                    top = c;
                }
            }
            *best = top;
        }
    }
}

/// [`Weights::score`] for a table of `N` classes, `N` at most 8 (the event
/// table has 8 and is read for every candidate word): a row is read as one
/// `u64`, its weights offset to 0..=255 and summed in 16-bit lanes, four
/// classes to a `u64`, so a feature costs a handful of integer
/// instructions instead of `N` sign-extending adds.
fn score_rows<const N: usize>(data: &[u8], bits: u32, features: &[u64], scores: &mut [i32]) {
    const LANES: u64 = 0x00ff_00ff_00ff_00ff;
    // 256 offset weights of at most 255 fit a 16-bit lane.
    for block in features.chunks(256) {
        let (mut even, mut odd) = (0u64, 0u64);
        for &feature in block {
            let base = (feature >> (64 - bits)) as usize * N;
            // A row past the end (a truncated table) weighs nothing.
            let row = data.get(base..base + N).unwrap_or(&[0; 8][..N.min(8)]);
            let mut bytes = [0u8; 8];
            bytes[..N.min(8)].copy_from_slice(&row[..N.min(8)]);
            let offset = u64::from_le_bytes(bytes) ^ 0x8080_8080_8080_8080;
            even += offset & LANES;
            odd += (offset >> 8) & LANES;
        }
        let count = block.len() as i32;
        for (class, score) in scores.iter_mut().enumerate().take(N.min(8)) {
            let lanes = if class % 2 == 0 { even } else { odd };
            let lane = (lanes >> (16 * (class / 2))) & 0xffff;
            *score += lane as i32 - 128 * count;
        }
    }
}

/// An averaged multiclass perceptron over one hashed table.
#[derive(Debug)]
pub(crate) struct Perceptron {
    bits: u32,
    classes: usize,
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    step: u32,
}

impl Perceptron {
    pub(crate) fn new(bits: u32, classes: usize) -> Perceptron {
        let size = classes << bits;
        Perceptron {
            bits,
            classes,
            weights: vec![0.0; size],
            totals: vec![0.0; size],
            stamps: vec![0; size],
            step: 0,
        }
    }

    fn index(&self, feature: u64, class: usize) -> usize {
        (feature >> (64 - self.bits)) as usize * self.classes + class
    }

    pub(crate) fn predict(&self, features: &[u64]) -> usize {
        let mut scores = vec![0f32; self.classes];
        for &f in features {
            let base = self.index(f, 0);
            for (c, s) in scores.iter_mut().enumerate() {
                *s += self.weights[base + c];
            }
        }
        let mut best = 0;
        for c in 1..self.classes {
            if scores[c] > scores[best] {
                best = c;
            }
        }
        best
    }

    /// One training example: predicts, and moves the weights toward `gold`
    /// when the prediction is wrong.
    pub(crate) fn learn(&mut self, features: &[u64], gold: usize) -> bool {
        self.step += 1;
        let guess = self.predict(features);
        if guess == gold {
            return true;
        }
        for &f in features {
            self.nudge(self.index(f, gold), 1.0);
            self.nudge(self.index(f, guess), -1.0);
        }
        false
    }

    fn nudge(&mut self, k: usize, delta: f32) {
        self.totals[k] += f64::from(self.step - self.stamps[k]) * f64::from(self.weights[k]);
        self.stamps[k] = self.step;
        self.weights[k] += delta;
    }

    /// The averaged weights, quantized to `i8`, as one table of the file.
    fn write(&self, out: &mut Vec<u8>) {
        let step = f64::from(self.step.max(1));
        let averaged: Vec<f64> = (0..self.weights.len())
            .map(|k| {
                let total = self.totals[k]
                    + f64::from(self.step - self.stamps[k]) * f64::from(self.weights[k]);
                total / step
            })
            .collect();
        // The scale fits the 99.99th percentile of the non-zero weights, not
        // the largest, so that the bulk keeps its resolution in 8 bits; the
        // few larger weights are clamped.
        let mut magnitudes: Vec<f64> = averaged
            .iter()
            .map(|w| w.abs())
            .filter(|w| *w > 0.0)
            .collect();
        magnitudes.sort_by(f64::total_cmp);
        let max = magnitudes
            .get(magnitudes.len().saturating_sub(1) * 9999 / 10000)
            .copied()
            .unwrap_or(0.0);
        let scale = if max > 0.0 {
            max / f64::from(i8::MAX)
        } else {
            1.0
        };
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&(scale as f32).to_le_bytes());
        for w in averaged {
            let q = (w / scale)
                .round()
                .clamp(f64::from(i8::MIN), f64::from(i8::MAX)) as i8;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
}

/// Appends trained perceptrons to the head of a weights file (see
/// [`Weights::head`]), counting them in its table count.
pub(crate) fn append_tables(mut head: Vec<u8>, tables: &[&Perceptron]) -> Vec<u8> {
    let count = read_u32(&head, 12).unwrap_or(0) + tables.len() as u32;
    head[12..16].copy_from_slice(&count.to_le_bytes());
    for table in tables {
        table.write(&mut head);
    }
    head
}

/// Writes trained perceptrons as a weights file.
pub(crate) fn write_file(tables: &[&Perceptron]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(tables.len() as u32).to_le_bytes());
    for table in tables {
        table.write(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trained_table_round_trips_through_the_file() {
        let mut p = Perceptron::new(8, 3);
        let examples: [(&[u64], usize); 3] = [
            (&[1 << 60, 5 << 58], 0),
            (&[2 << 60, 5 << 58], 1),
            (&[3 << 60, 5 << 58], 2),
        ];
        for _ in 0..10 {
            for (features, gold) in examples {
                p.learn(features, gold);
            }
        }
        let file = write_file(&[&p]);
        let weights = Weights::parse(Cow::Owned(file)).expect("valid file");
        assert_eq!(weights.len(), 1);
        assert_eq!(weights.classes(0), 3);
        for (features, gold) in examples {
            assert_eq!(p.predict(features), gold);
            assert_eq!(weights.best(0, features, &[]), gold);
        }
        assert!([1, 2].contains(&weights.best(0, examples[0].0, &[1, 2])));
    }

    /// The plain sum of the rows of `features`.
    fn plain_rows(data: &[u8], bits: u32, classes: usize, features: &[u64]) -> Vec<i32> {
        let mut scores = vec![0; classes];
        for &feature in features {
            let base = (feature >> (64 - bits)) as usize * classes;
            for (score, &weight) in scores.iter_mut().zip(&data[base..base + classes]) {
                *score += i32::from(weight as i8);
            }
        }
        scores
    }

    #[test]
    fn lane_sums_are_the_plain_sums() {
        let mut data = Vec::new();
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..(8 << 6) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            data.push(x as u8);
        }
        data[0..8].copy_from_slice(&[0x80, 0x7f, 0x80, 0x7f, 0, 0xff, 1, 0x80]);
        for count in [0, 1, 35, 256, 300, 600] {
            let features: Vec<u64> = (0..count)
                .map(|k| {
                    if k % 3 == 0 {
                        0
                    } else {
                        (k as u64).wrapping_mul(x)
                    }
                })
                .collect();
            let mut eight = [0i32; 8];
            score_rows::<8>(&data, 6, &features, &mut eight);
            assert_eq!(eight[..], plain_rows(&data, 6, 8, &features), "{count}");
            let mut five = [0i32; 5];
            score_rows::<5>(&data[..5 << 6], 6, &features, &mut five);
            assert_eq!(five[..], plain_rows(&data, 6, 5, &features), "{count}");
            let mut two = [0i32; 2];
            score_rows::<2>(&data[..2 << 6], 6, &features, &mut two);
            assert_eq!(two[..], plain_rows(&data, 6, 2, &features), "{count}");
        }
    }

    #[test]
    fn fused_tables_pick_what_each_table_picks() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let tables: Vec<Perceptron> = [5, 6, 4]
            .into_iter()
            .map(|classes| {
                let mut p = Perceptron::new(6, classes);
                for _ in 0..400 {
                    let features = [next(), next(), next()];
                    p.learn(&features, (next() % classes as u64) as usize);
                }
                p
            })
            .collect();
        let file = write_file(&tables.iter().collect::<Vec<_>>());
        let weights = Weights::parse(Cow::Owned(file)).expect("valid file");
        let fused = weights.fuse(&[0, 1, 2]).expect("fusable");
        for count in [0, 1, 35, 300] {
            let features: Vec<u64> = (0..count).map(|_| next()).collect();
            let mut best = [9; 3];
            fused.best(&features, &mut best);
            let each: Vec<usize> = (0..3).map(|t| weights.best(t, &features, &[])).collect();
            assert_eq!(best[..], each[..], "{count}");
        }
        let wider = write_file(&[&Perceptron::new(6, 9), &Perceptron::new(6, 8)]);
        let wider = Weights::parse(Cow::Owned(wider)).expect("valid file");
        assert!(wider.fuse(&[0, 1]).is_none());
        let mixed = write_file(&[&Perceptron::new(6, 2), &Perceptron::new(7, 2)]);
        let mixed = Weights::parse(Cow::Owned(mixed)).expect("valid file");
        assert!(mixed.fuse(&[0, 1]).is_none());
    }

    #[test]
    fn malformed_files_are_rejected() {
        assert!(Weights::parse(Cow::Borrowed(b"")).is_none());
        assert!(Weights::parse(Cow::Borrowed(b"CHRONOEV\x01\0\0\0\x01\0\0\0")).is_none());
        let mut file = write_file(&[&Perceptron::new(4, 2)]);
        file.pop();
        assert!(Weights::parse(Cow::Owned(file)).is_none());
    }
}
