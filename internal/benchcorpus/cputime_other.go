//go:build !linux

package benchcorpus

import "time"

// ThreadCPU is only measured on Linux.
func ThreadCPU() (time.Duration, bool) { return 0, false }
