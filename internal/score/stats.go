package score

import (
	"math/big"
)

// sumPrec is enough bits to add any float64 values below 2^10 without
// rounding: 1074 bits below the binary point, 10 above it, and room for a
// carry out of 2^64 terms.
const sumPrec = 1074 + 10 + 64

// mean is Python's statistics.mean on floats: the values are added exactly
// and the quotient is rounded once, so the result does not depend on the
// order of the values. The mean of nothing is 0, as score.py's _mean.
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	q := exactSum(xs)
	q.Quo(q, new(big.Rat).SetInt64(int64(len(xs))))
	f, _ := q.Float64()
	return f
}

func exactSum(xs []float64) *big.Rat {
	sum := new(big.Float).SetPrec(sumPrec)
	for _, x := range xs {
		sum.Add(sum, big.NewFloat(x))
	}
	r, _ := sum.Rat(nil)
	return r
}

// stdev is Python's statistics.stdev: the square root, correctly rounded,
// of the exact sample variance. It is 0 for fewer than two values (where
// score.py reports 0).
func stdev(xs []float64) float64 {
	n := len(xs)
	if n < 2 {
		return 0
	}
	m := exactSum(xs)
	m.Quo(m, new(big.Rat).SetInt64(int64(n)))
	ss := new(big.Rat)
	d := new(big.Rat)
	for _, x := range xs {
		d.SetFloat64(x)
		d.Sub(d, m)
		d.Mul(d, d)
		ss.Add(ss, d)
	}
	ss.Quo(ss, new(big.Rat).SetInt64(int64(n-1)))
	v := new(big.Float).SetPrec(256).SetRat(ss)
	f, _ := v.Sqrt(v).Float64()
	return f
}

// mt19937 is the Mersenne Twister as in CPython's random module, so that a
// bootstrap with the same seed draws the same samples as score.py.
type mt19937 struct {
	state [624]uint32
	index int
}

// newPythonRandom returns the generator of Python's random.Random(seed) for
// a non-negative seed below 2^64.
func newPythonRandom(seed uint64) *mt19937 {
	key := []uint32{uint32(seed)}
	if hi := uint32(seed >> 32); hi != 0 {
		key = append(key, hi)
	}
	m := &mt19937{}
	m.initByArray(key)
	return m
}

func (m *mt19937) initGenrand(s uint32) {
	m.state[0] = s
	for i := 1; i < len(m.state); i++ {
		prev := m.state[i-1]
		m.state[i] = 1812433253*(prev^(prev>>30)) + uint32(i)
	}
	m.index = len(m.state)
}

func (m *mt19937) initByArray(key []uint32) {
	const n = 624
	m.initGenrand(19650218)
	mt := &m.state
	i, j := 1, 0
	for k := max(n, len(key)); k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= n {
			mt[0] = mt[n-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k := n - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= n {
			mt[0] = mt[n-1]
			i = 1
		}
	}
	mt[0] = 0x80000000
}

func (m *mt19937) uint32() uint32 {
	const (
		n         = 624
		mm        = 397
		matrixA   = 0x9908b0df
		upperMask = 0x80000000
		lowerMask = 0x7fffffff
	)
	mt := &m.state
	if m.index >= n {
		var kk int
		for kk = 0; kk < n-mm; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+mm] ^ (y >> 1) ^ (matrixA * (y & 1))
		}
		for ; kk < n-1; kk++ {
			y := (mt[kk] & upperMask) | (mt[kk+1] & lowerMask)
			mt[kk] = mt[kk+(mm-n)] ^ (y >> 1) ^ (matrixA * (y & 1))
		}
		y := (mt[n-1] & upperMask) | (mt[0] & lowerMask)
		mt[n-1] = mt[mm-1] ^ (y >> 1) ^ (matrixA * (y & 1))
		m.index = 0
	}
	y := mt[m.index]
	m.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

// below returns a uniform integer in [0, n) for 0 < n < 2^32, as Python's
// Random._randbelow (getrandbits with rejection), hence randint(0, n-1).
func (m *mt19937) below(n int) int {
	k := 0
	for v := n; v > 0; v >>= 1 {
		k++
	}
	for {
		r := int(m.uint32() >> (32 - k))
		if r < n {
			return r
		}
	}
}
