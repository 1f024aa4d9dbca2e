package quotes

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestAllocHostile(t *testing.T) {
	const n = 1_000_000
	for name, text := range map[string]string{
		"dots":     strings.Repeat(". ", n/2),
		"saidsaid": strings.Repeat(`"Yes," he said. `, n/16),
		"caps":     strings.Repeat("John Smith Said ", n/16),
		"curly":    strings.Repeat("“a” ", n/8),
		"words":    strings.Repeat("word ", n/5),
		"quotes3":  strings.Repeat(`"We will win this," Ann Lee said. `, n/34),
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		st := time.Now()
		Find([]string{text})
		d := time.Since(st)
		runtime.ReadMemStats(&after)
		t.Logf("%s: %v, %d MiB", name, d, (after.TotalAlloc-before.TotalAlloc)>>20)
	}
}
