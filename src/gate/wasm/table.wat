;; The whole-table bootstrap's per-row passes (see src/gate/table-kernels.ts), eight resamples at a
;; time in two halves of four: lane j of an i32x4 is resample 8b + 4h + j of half h. Weights are
;; stored interleaved, one byte per resample, eight per row (row k at bytes 8k..8k+7, half h at
;; 8k + 4h), so one load gives a row's eight weights.
;; Counts and ROC sums are exact integers; every floating-point sum is formed lane by lane, in
;; one fixed order, with the operations of scoring that resample alone, so each resample's numbers
;; are those of scoring it alone (to the rounding of the order: table-bootstrap.test.ts).
(module
  (import "env" "memory" (memory 1 65536 shared))

  ;; Poisson(1) weights of eight resamples for rows [0, rows), written at $out + 8k (byte j of a
  ;; row is resample j). $state: the a, b, c, d words of each lane's xoshiro128** (4 × v128 for
  ;; resamples 0-3, then 4 × v128 for 4-7; the scalar generator's seeding). $thr: 8 × i16x8, each
  ;; lane (threshold_k − 1) ^ 0x8000 for weights k = 1..8: the weight of a 16-bit uniform u is the
  ;; number of thresholds ≤ u, i.e. the scalar 65,536-entry table read by compares (signed after
  ;; flipping the top bit: x86 has no unsigned compare). One draw gives rows k (low 16 bits) and
  ;; k + 1 (high), as the scalar generator; both rows' sixteen weights go out in one 16-byte store.
  ;; xoshiro128**: r = rotl(b × 5, 7) × 9 (multiplies as shift and add). The thresholds are read
  ;; from memory: with both halves' states there are not registers enough for them.
  (func (export "weights") (param $state i32) (param $thr i32) (param $out i32) (param $rows i32)
    (local $a0 v128) (local $b0 v128) (local $c0 v128) (local $d0 v128)
    (local $a1 v128) (local $b1 v128) (local $c1 v128) (local $d1 v128)
    (local $x v128) (local $r0 v128) (local $r1 v128) (local $t v128) (local $w0 v128) (local $w1 v128) (local $end i32)
    (local.set $a0 (v128.load (local.get $state)))
    (local.set $b0 (v128.load offset=16 (local.get $state)))
    (local.set $c0 (v128.load offset=32 (local.get $state)))
    (local.set $d0 (v128.load offset=48 (local.get $state)))
    (local.set $a1 (v128.load offset=64 (local.get $state)))
    (local.set $b1 (v128.load offset=80 (local.get $state)))
    (local.set $c1 (v128.load offset=96 (local.get $state)))
    (local.set $d1 (v128.load offset=112 (local.get $state)))
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $rows) (i32.const 3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (local.set $x (i32x4.add (i32x4.shl (local.get $b0) (i32.const 2)) (local.get $b0)))
        (local.set $x (v128.or (i32x4.shl (local.get $x) (i32.const 7))
                               (i32x4.shr_u (local.get $x) (i32.const 25))))
        (local.set $r0 (i32x4.add (i32x4.shl (local.get $x) (i32.const 3)) (local.get $x)))
        (local.set $t (i32x4.shl (local.get $b0) (i32.const 9)))
        (local.set $c0 (v128.xor (local.get $c0) (local.get $a0)))
        (local.set $d0 (v128.xor (local.get $d0) (local.get $b0)))
        (local.set $b0 (v128.xor (local.get $b0) (local.get $c0)))
        (local.set $a0 (v128.xor (local.get $a0) (local.get $d0)))
        (local.set $c0 (v128.xor (local.get $c0) (local.get $t)))
        (local.set $d0 (v128.or (i32x4.shl (local.get $d0) (i32.const 11))
                               (i32x4.shr_u (local.get $d0) (i32.const 21))))
        (local.set $r0 (v128.xor (local.get $r0) (v128.const i16x8 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000)))
        (local.set $w0 (i16x8.gt_s (local.get $r0) (v128.load (local.get $thr))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=16 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=32 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=48 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=64 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=80 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=96 (local.get $thr)))))
        (local.set $w0 (i16x8.add (local.get $w0) (i16x8.gt_s (local.get $r0) (v128.load offset=112 (local.get $thr)))))
        (local.set $x (i32x4.add (i32x4.shl (local.get $b1) (i32.const 2)) (local.get $b1)))
        (local.set $x (v128.or (i32x4.shl (local.get $x) (i32.const 7))
                               (i32x4.shr_u (local.get $x) (i32.const 25))))
        (local.set $r1 (i32x4.add (i32x4.shl (local.get $x) (i32.const 3)) (local.get $x)))
        (local.set $t (i32x4.shl (local.get $b1) (i32.const 9)))
        (local.set $c1 (v128.xor (local.get $c1) (local.get $a1)))
        (local.set $d1 (v128.xor (local.get $d1) (local.get $b1)))
        (local.set $b1 (v128.xor (local.get $b1) (local.get $c1)))
        (local.set $a1 (v128.xor (local.get $a1) (local.get $d1)))
        (local.set $c1 (v128.xor (local.get $c1) (local.get $t)))
        (local.set $d1 (v128.or (i32x4.shl (local.get $d1) (i32.const 11))
                               (i32x4.shr_u (local.get $d1) (i32.const 21))))
        (local.set $r1 (v128.xor (local.get $r1) (v128.const i16x8 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000 0x8000)))
        (local.set $w1 (i16x8.gt_s (local.get $r1) (v128.load (local.get $thr))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=16 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=32 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=48 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=64 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=80 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=96 (local.get $thr)))))
        (local.set $w1 (i16x8.add (local.get $w1) (i16x8.gt_s (local.get $r1) (v128.load offset=112 (local.get $thr)))))
        ;; i16 lanes of $w0: (row k, resample 0), (row k + 1, resample 0), (row k, resample 1), …;
        ;; each compare is −1 where true: negate, narrow to bytes, even bytes are row k's.
        (v128.store (local.get $out)
          (i8x16.shuffle 0 2 4 6 8 10 12 14 1 3 5 7 9 11 13 15
            (i8x16.narrow_i16x8_u (i16x8.neg (local.get $w0)) (i16x8.neg (local.get $w1)))
            (local.get $w0)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $next))))

;; Strata of one set, both halves: counts[code[k]] += w (two i32x4 per cell, 32 bytes) and
  ;; sums[stratum[k]][t] += w × term (per stratum and term, lanes 0-1, 2-3, 4-5, 6-7 as f64x2, 64
  ;; bytes) for the first $T of a row's $T + $U terms, rows in reference order. With $U = 2 the
  ;; last two terms are summed over all rows only (no cell shows them per stratum), in registers,
  ;; into $whole (64 bytes a term).
  (func (export "strata") (param $code i32) (param $stratum i32) (param $terms i32) (param $T i32)
    (param $U i32) (param $n i32) (param $w i32) (param $counts i32) (param $sums i32) (param $whole i32)
    (local $k i32) (local $x8 v128) (local $wa v128) (local $wb v128) (local $at i32) (local $t i32)
    (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128) (local $x v128) (local $y v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $x8 (v128.load8x8_u (i32.add (local.get $w) (i32.shl (local.get $k) (i32.const 3)))))
        (local.set $wa (i32x4.extend_low_i16x8_u (local.get $x8)))
        (local.set $wb (i32x4.extend_high_i16x8_u (local.get $x8)))
        (local.set $at (i32.add (local.get $counts)
          (i32.shl (i32.load (i32.add (local.get $code) (i32.shl (local.get $k) (i32.const 2)))) (i32.const 5))))
        (v128.store (local.get $at) (i32x4.add (v128.load (local.get $at)) (local.get $wa)))
        (v128.store offset=16 (local.get $at) (i32x4.add (v128.load offset=16 (local.get $at)) (local.get $wb)))
        (local.set $f0 (f64x2.convert_low_i32x4_s (local.get $wa)))
        (local.set $f1 (f64x2.convert_low_i32x4_s
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $wa) (local.get $wa))))
        (local.set $f2 (f64x2.convert_low_i32x4_s (local.get $wb)))
        (local.set $f3 (f64x2.convert_low_i32x4_s
          (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $wb) (local.get $wb))))
        (local.set $at (i32.add (local.get $sums)
          (i32.shl (i32.mul (i32.load (i32.add (local.get $stratum) (i32.shl (local.get $k) (i32.const 2))))
                            (local.get $T))
                   (i32.const 6))))
        ;; Two terms an iteration (T is even).
        (local.set $t (i32.const 0))
        (block $terms_done
        (loop $term
          (br_if $terms_done (i32.ge_u (local.get $t) (local.get $T)))
          (local.set $x (v128.load64_splat (local.get $terms)))
          (local.set $y (v128.load64_splat offset=8 (local.get $terms)))
          (v128.store (local.get $at) (f64x2.add (v128.load (local.get $at)) (f64x2.mul (local.get $f0) (local.get $x))))
          (v128.store offset=16 (local.get $at)
            (f64x2.add (v128.load offset=16 (local.get $at)) (f64x2.mul (local.get $f1) (local.get $x))))
          (v128.store offset=32 (local.get $at)
            (f64x2.add (v128.load offset=32 (local.get $at)) (f64x2.mul (local.get $f2) (local.get $x))))
          (v128.store offset=48 (local.get $at)
            (f64x2.add (v128.load offset=48 (local.get $at)) (f64x2.mul (local.get $f3) (local.get $x))))
          (v128.store offset=64 (local.get $at) (f64x2.add (v128.load offset=64 (local.get $at)) (f64x2.mul (local.get $f0) (local.get $y))))
          (v128.store offset=80 (local.get $at)
            (f64x2.add (v128.load offset=80 (local.get $at)) (f64x2.mul (local.get $f1) (local.get $y))))
          (v128.store offset=96 (local.get $at)
            (f64x2.add (v128.load offset=96 (local.get $at)) (f64x2.mul (local.get $f2) (local.get $y))))
          (v128.store offset=112 (local.get $at)
            (f64x2.add (v128.load offset=112 (local.get $at)) (f64x2.mul (local.get $f3) (local.get $y))))
          (local.set $terms (i32.add (local.get $terms) (i32.const 16)))
          (local.set $at (i32.add (local.get $at) (i32.const 128)))
          (local.set $t (i32.add (local.get $t) (i32.const 2)))
          (br $term)))
        (if (local.get $U)
          (then
            (local.set $x (v128.load64_splat (local.get $terms)))
            (local.set $y (v128.load64_splat offset=8 (local.get $terms)))
            (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $f0) (local.get $x))))
            (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $f1) (local.get $x))))
            (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $f2) (local.get $x))))
            (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $f3) (local.get $x))))
            (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $f0) (local.get $y))))
            (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $f1) (local.get $y))))
            (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $f2) (local.get $y))))
            (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $f3) (local.get $y))))
            (local.set $terms (i32.add (local.get $terms) (i32.const 16)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $row)))
    (if (local.get $U)
      (then
        (v128.store (local.get $whole) (local.get $a0))
        (v128.store offset=16 (local.get $whole) (local.get $a1))
        (v128.store offset=32 (local.get $whole) (local.get $a2))
        (v128.store offset=48 (local.get $whole) (local.get $a3))
        (v128.store offset=64 (local.get $whole) (local.get $b0))
        (v128.store offset=80 (local.get $whole) (local.get $b1))
        (v128.store offset=96 (local.get $whole) (local.get $b2))
        (v128.store offset=112 (local.get $whole) (local.get $b3)))))

  ;; out[k] = w[row at byte offset pos[k]] (eight weights, 64 bits), k < n: the weights in another
  ;; model's ranking order, gathered once so that its passes read them in order.
  (func (export "gather") (param $pos i32) (param $n i32) (param $w i32) (param $out i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $out) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (i64.store (local.get $out) (i64.load (i32.add (local.get $w) (i32.load (local.get $pos)))))
        (local.set $pos (i32.add (local.get $pos) (i32.const 4)))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (br $row))))

;; One ranking's segments, both halves: rows[k] = weight position << 3 | precision step << 2 |
  ;; first of tie << 1 | positive (so the row's weights are at $w + (rows[k] & −8)), by descending
  ;; score, negatives first within a tie; ends[s] = one past segment s. Per segment, 192 bytes at
  ;; $out, 96 per half: fp (i32x4 at +16), S (i64x2 lanes 0-1, 2-3 at +32) with twice the ROC area
  ;; = 2·tp·fp − S, tp being the segment's weight less fp (from the strata counts; not summed here).
  ;; Twice the area is Σ over tie groups g of N_g·(2·TP_before_g + P_g) = 2·P·N − Σ_g P_g·(2·FP_end_g − N_g)
  ;; (each pair of groups counted once either way), so only positive rows add a product,
  ;; w·(2·fp − ng): fp counts its tie's negatives already (they come first), ng is their sum.
  ;; No select: a negative row's positive weight is 0. Products are summed in u32 lanes for $chunk
  ;; rows (the caller's bound: $chunk × the largest product < 2^32), then widened into S. A row's
  ;; masks (positive, not first of its tie) are loaded from $masks by its low two bits (32 bytes
  ;; each): two loads instead of forming two splats.
  (func (export "rank") (param $rows i32) (param $ends i32) (param $segs i32) (param $w i32) (param $out i32)
    (param $chunk i32) (param $masks i32)
    (local $k i32) (local $e i32) (local $c i32) (local $s i32) (local $v i32) (local $m i32) (local $x v128)
    (local $wa v128) (local $wb v128) (local $pm v128) (local $fm v128) (local $p v128) (local $n v128)
    (local $fpa v128) (local $nga v128) (local $acca v128) (local $loa v128) (local $hia v128)
    (local $fpb v128) (local $ngb v128) (local $accb v128) (local $lob v128) (local $hib v128)
    (local.set $k (local.get $rows))
    (block $segments
      (loop $segment
        (br_if $segments (i32.ge_u (local.get $s) (local.get $segs)))
        (local.set $e (i32.add (local.get $rows)
          (i32.shl (i32.load (i32.add (local.get $ends) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
        (local.set $fpa (v128.const i32x4 0 0 0 0))
        (local.set $nga (v128.const i32x4 0 0 0 0))
        (local.set $loa (v128.const i32x4 0 0 0 0))
        (local.set $hia (v128.const i32x4 0 0 0 0))
        (local.set $fpb (v128.const i32x4 0 0 0 0))
        (local.set $ngb (v128.const i32x4 0 0 0 0))
        (local.set $lob (v128.const i32x4 0 0 0 0))
        (local.set $hib (v128.const i32x4 0 0 0 0))
        (block $done
          (loop $chunks
            (br_if $done (i32.ge_u (local.get $k) (local.get $e)))
            (local.set $c (i32.add (local.get $k) (i32.shl (local.get $chunk) (i32.const 2))))
            (if (i32.gt_u (local.get $c) (local.get $e)) (then (local.set $c (local.get $e))))
            (local.set $acca (v128.const i32x4 0 0 0 0))
            (local.set $accb (v128.const i32x4 0 0 0 0))
            (loop $row
              (local.set $v (i32.load (local.get $k)))
              ;; A row's eight weights: one load, both halves.
              (local.set $x (v128.load8x8_u (i32.add (local.get $w) (i32.and (local.get $v) (i32.const -8)))))
              (local.set $wa (i32x4.extend_low_i16x8_u (local.get $x)))
              (local.set $wb (i32x4.extend_high_i16x8_u (local.get $x)))
              (local.set $m (i32.add (local.get $masks) (i32.shl (i32.and (local.get $v) (i32.const 3)) (i32.const 5))))
              (local.set $pm (v128.load (local.get $m)))
              (local.set $fm (v128.load offset=16 (local.get $m)))
              ;; Half a.
              (local.set $n (v128.andnot (local.get $wa) (local.get $pm)))
              (local.set $p (v128.and (local.get $wa) (local.get $pm)))
              (local.set $fpa (i32x4.add (local.get $fpa) (local.get $n)))
              (local.set $nga (i32x4.add (local.get $n) (v128.and (local.get $nga) (local.get $fm))))
              (local.set $acca (i32x4.add (local.get $acca)
                (i32x4.mul (local.get $p) (i32x4.sub (i32x4.add (local.get $fpa) (local.get $fpa)) (local.get $nga)))))
              ;; Half b.
              (local.set $n (v128.andnot (local.get $wb) (local.get $pm)))
              (local.set $p (v128.and (local.get $wb) (local.get $pm)))
              (local.set $fpb (i32x4.add (local.get $fpb) (local.get $n)))
              (local.set $ngb (i32x4.add (local.get $n) (v128.and (local.get $ngb) (local.get $fm))))
              (local.set $accb (i32x4.add (local.get $accb)
                (i32x4.mul (local.get $p) (i32x4.sub (i32x4.add (local.get $fpb) (local.get $fpb)) (local.get $ngb)))))
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (br_if $row (i32.lt_u (local.get $k) (local.get $c))))
            (local.set $loa (i64x2.add (local.get $loa) (i64x2.extend_low_i32x4_u (local.get $acca))))
            (local.set $hia (i64x2.add (local.get $hia) (i64x2.extend_high_i32x4_u (local.get $acca))))
            (local.set $lob (i64x2.add (local.get $lob) (i64x2.extend_low_i32x4_u (local.get $accb))))
            (local.set $hib (i64x2.add (local.get $hib) (i64x2.extend_high_i32x4_u (local.get $accb))))
            (br $chunks)))
        (v128.store offset=16 (local.get $out) (local.get $fpa))
        (v128.store offset=32 (local.get $out) (local.get $loa))
        (v128.store offset=48 (local.get $out) (local.get $hia))
        (v128.store offset=112 (local.get $out) (local.get $fpb))
        (v128.store offset=128 (local.get $out) (local.get $lob))
        (v128.store offset=144 (local.get $out) (local.get $hib))
        (local.set $out (i32.add (local.get $out) (i32.const 192)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $segment))))

  ;; Average precision's running state between drains (per instance, so per thread): tp at the
  ;; last step of each half, and the sums of lanes 0-1, 2-3, 4-5, 6-7.
  (global $tp0a (mut v128) (v128.const i32x4 0 0 0 0))
  (global $tp0b (mut v128) (v128.const i32x4 0 0 0 0))
  (global $ap0 (mut v128) (v128.const i32x4 0 0 0 0))
  (global $ap1 (mut v128) (v128.const i32x4 0 0 0 0))
  (global $ap2 (mut v128) (v128.const i32x4 0 0 0 0))
  (global $ap3 (mut v128) (v128.const i32x4 0 0 0 0))

  ;; Adds the precision steps stored in [$at, $end) (tp, fp of half a, then of half b, i32x4
  ;; each, 64 bytes a step): Σ Δtp · tp / max(1, tp + fp) per lane in f64, as the scalar
  ;; definition, in step order (lanes 2-3 of a half shuffled down for f64x2; calls are not inlined).
  (func $drain (param $at i32) (param $end i32)
    (local $tpa v128) (local $tota v128) (local $tpb v128) (local $totb v128) (local $da v128) (local $db v128)
    (local $tp0a v128) (local $tp0b v128) (local $ap0 v128) (local $ap1 v128) (local $ap2 v128) (local $ap3 v128)
    (local.set $tp0a (global.get $tp0a))
    (local.set $tp0b (global.get $tp0b))
    (local.set $ap0 (global.get $ap0))
    (local.set $ap1 (global.get $ap1))
    (local.set $ap2 (global.get $ap2))
    (local.set $ap3 (global.get $ap3))
    (block $done
      (loop $step
        (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
        (local.set $tpa (v128.load (local.get $at)))
        (local.set $tota (i32x4.add (local.get $tpa) (v128.load offset=16 (local.get $at))))
        (local.set $tpb (v128.load offset=32 (local.get $at)))
        (local.set $totb (i32x4.add (local.get $tpb) (v128.load offset=48 (local.get $at))))
        (local.set $da (i32x4.sub (local.get $tpa) (local.get $tp0a)))
        (local.set $db (i32x4.sub (local.get $tpb) (local.get $tp0b)))
        (local.set $ap0 (f64x2.add (local.get $ap0)
          (f64x2.div
            (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $da)) (f64x2.convert_low_i32x4_s (local.get $tpa)))
            (f64x2.pmax (v128.const f64x2 1 1) (f64x2.convert_low_i32x4_s (local.get $tota))))))
        (local.set $ap1 (f64x2.add (local.get $ap1)
          (f64x2.div
            (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $da) (local.get $da))) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $tpa) (local.get $tpa))))
            (f64x2.pmax (v128.const f64x2 1 1) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $tota) (local.get $tota)))))))
        (local.set $ap2 (f64x2.add (local.get $ap2)
          (f64x2.div
            (f64x2.mul (f64x2.convert_low_i32x4_s (local.get $db)) (f64x2.convert_low_i32x4_s (local.get $tpb)))
            (f64x2.pmax (v128.const f64x2 1 1) (f64x2.convert_low_i32x4_s (local.get $totb))))))
        (local.set $ap3 (f64x2.add (local.get $ap3)
          (f64x2.div
            (f64x2.mul (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $db) (local.get $db))) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $tpb) (local.get $tpb))))
            (f64x2.pmax (v128.const f64x2 1 1) (f64x2.convert_low_i32x4_s (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $totb) (local.get $totb)))))))
        (local.set $tp0a (local.get $tpa))
        (local.set $tp0b (local.get $tpb))
        (local.set $at (i32.add (local.get $at) (i32.const 64)))
        (br $step)))
    (global.set $tp0a (local.get $tp0a))
    (global.set $tp0b (local.get $tp0b))
    (global.set $ap0 (local.get $ap0))
    (global.set $ap1 (local.get $ap1))
    (global.set $ap2 (local.get $ap2))
    (global.set $ap3 (local.get $ap3)))

;; The ROC pass with average precision, both halves (tp at +0, its sums at +64, +80 of each
  ;; half's 96 bytes; fp and S as rank's): at each precision step (bit 2) Σ Δtp · tp / max(1, tp + fp) per lane, as
  ;; the scalar definition. Every row stores its (tp, fp) at a cursor that only a step advances,
  ;; so the steps end up packed in [$buf, $bufEnd) without a branch per row; they are divided out
  ;; when it fills and at the end of the segment.
  (func (export "rank_ap") (param $rows i32) (param $ends i32) (param $segs i32) (param $w i32) (param $out i32)
    (param $buf i32) (param $bufEnd i32) (param $chunk i32) (param $masks i32)
    (local $k i32) (local $e i32) (local $c i32) (local $s i32) (local $v i32) (local $at i32) (local $m i32) (local $x v128)
    (local $wa v128) (local $wb v128) (local $pm v128) (local $fm v128) (local $p v128) (local $n v128)
    (local $tpa v128) (local $fpa v128) (local $nga v128) (local $acca v128) (local $loa v128) (local $hia v128)
    (local $tpb v128) (local $fpb v128) (local $ngb v128) (local $accb v128) (local $lob v128) (local $hib v128)
    (local.set $k (local.get $rows))
    (block $segments
      (loop $segment
        (br_if $segments (i32.ge_u (local.get $s) (local.get $segs)))
        (local.set $e (i32.add (local.get $rows)
          (i32.shl (i32.load (i32.add (local.get $ends) (i32.shl (local.get $s) (i32.const 2)))) (i32.const 2))))
        (local.set $tpa (v128.const i32x4 0 0 0 0))
        (local.set $fpa (v128.const i32x4 0 0 0 0))
        (local.set $nga (v128.const i32x4 0 0 0 0))
        (local.set $loa (v128.const i32x4 0 0 0 0))
        (local.set $hia (v128.const i32x4 0 0 0 0))
        (local.set $tpb (v128.const i32x4 0 0 0 0))
        (local.set $fpb (v128.const i32x4 0 0 0 0))
        (local.set $ngb (v128.const i32x4 0 0 0 0))
        (local.set $lob (v128.const i32x4 0 0 0 0))
        (local.set $hib (v128.const i32x4 0 0 0 0))
        (global.set $tp0a (v128.const i32x4 0 0 0 0))
        (global.set $tp0b (v128.const i32x4 0 0 0 0))
        (global.set $ap0 (v128.const i32x4 0 0 0 0))
        (global.set $ap1 (v128.const i32x4 0 0 0 0))
        (global.set $ap2 (v128.const i32x4 0 0 0 0))
        (global.set $ap3 (v128.const i32x4 0 0 0 0))
        (local.set $at (local.get $buf))
        (block $done
          (loop $chunks
            (br_if $done (i32.ge_u (local.get $k) (local.get $e)))
            (local.set $c (i32.add (local.get $k) (i32.shl (local.get $chunk) (i32.const 2))))
            (if (i32.gt_u (local.get $c) (local.get $e)) (then (local.set $c (local.get $e))))
            (local.set $acca (v128.const i32x4 0 0 0 0))
            (local.set $accb (v128.const i32x4 0 0 0 0))
            (loop $row
              (local.set $v (i32.load (local.get $k)))
              (local.set $x (v128.load8x8_u (i32.add (local.get $w) (i32.and (local.get $v) (i32.const -8)))))
              (local.set $wa (i32x4.extend_low_i16x8_u (local.get $x)))
              (local.set $wb (i32x4.extend_high_i16x8_u (local.get $x)))
              (local.set $m (i32.add (local.get $masks) (i32.shl (i32.and (local.get $v) (i32.const 3)) (i32.const 5))))
              (local.set $pm (v128.load (local.get $m)))
              (local.set $fm (v128.load offset=16 (local.get $m)))
              (local.set $n (v128.andnot (local.get $wa) (local.get $pm)))
              (local.set $p (v128.and (local.get $wa) (local.get $pm)))
              (local.set $fpa (i32x4.add (local.get $fpa) (local.get $n)))
              (local.set $nga (i32x4.add (local.get $n) (v128.and (local.get $nga) (local.get $fm))))
              (local.set $acca (i32x4.add (local.get $acca)
                (i32x4.mul (local.get $p) (i32x4.sub (i32x4.add (local.get $fpa) (local.get $fpa)) (local.get $nga)))))
              (local.set $tpa (i32x4.add (local.get $tpa) (local.get $p)))
              (local.set $n (v128.andnot (local.get $wb) (local.get $pm)))
              (local.set $p (v128.and (local.get $wb) (local.get $pm)))
              (local.set $fpb (i32x4.add (local.get $fpb) (local.get $n)))
              (local.set $ngb (i32x4.add (local.get $n) (v128.and (local.get $ngb) (local.get $fm))))
              (local.set $accb (i32x4.add (local.get $accb)
                (i32x4.mul (local.get $p) (i32x4.sub (i32x4.add (local.get $fpb) (local.get $fpb)) (local.get $ngb)))))
              (local.set $tpb (i32x4.add (local.get $tpb) (local.get $p)))
              (v128.store (local.get $at) (local.get $tpa))
              (v128.store offset=16 (local.get $at) (local.get $fpa))
              (v128.store offset=32 (local.get $at) (local.get $tpb))
              (v128.store offset=48 (local.get $at) (local.get $fpb))
              (local.set $at (i32.add (local.get $at) (i32.and (i32.shl (local.get $v) (i32.const 4)) (i32.const 64))))
              (if (i32.ge_u (local.get $at) (local.get $bufEnd))
                (then
                  (call $drain (local.get $buf) (local.get $at))
                  (local.set $at (local.get $buf))))
              (local.set $k (i32.add (local.get $k) (i32.const 4)))
              (br_if $row (i32.lt_u (local.get $k) (local.get $c))))
            (local.set $loa (i64x2.add (local.get $loa) (i64x2.extend_low_i32x4_u (local.get $acca))))
            (local.set $hia (i64x2.add (local.get $hia) (i64x2.extend_high_i32x4_u (local.get $acca))))
            (local.set $lob (i64x2.add (local.get $lob) (i64x2.extend_low_i32x4_u (local.get $accb))))
            (local.set $hib (i64x2.add (local.get $hib) (i64x2.extend_high_i32x4_u (local.get $accb))))
            (br $chunks)))
        (call $drain (local.get $buf) (local.get $at))
        (v128.store (local.get $out) (local.get $tpa))
        (v128.store offset=16 (local.get $out) (local.get $fpa))
        (v128.store offset=32 (local.get $out) (local.get $loa))
        (v128.store offset=48 (local.get $out) (local.get $hia))
        (v128.store offset=64 (local.get $out) (global.get $ap0))
        (v128.store offset=80 (local.get $out) (global.get $ap1))
        (v128.store offset=96 (local.get $out) (local.get $tpb))
        (v128.store offset=112 (local.get $out) (local.get $fpb))
        (v128.store offset=128 (local.get $out) (local.get $lob))
        (v128.store offset=144 (local.get $out) (local.get $hib))
        (v128.store offset=160 (local.get $out) (global.get $ap2))
        (v128.store offset=176 (local.get $out) (global.get $ap3))
        (local.set $out (i32.add (local.get $out) (i32.const 192)))
        (local.set $s (i32.add (local.get $s) (i32.const 1)))
        (br $segment)))))
