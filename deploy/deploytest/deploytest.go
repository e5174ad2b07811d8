// Package deploytest holds what the tests of the deployment files (deploy/systemd, deploy/kubernetes) share.
package deploytest

import "strings"

// Flags maps each --flag of a command line's args to the value after it ("" for a switch), so that two
// ways of starting the same program (a unit's ExecStart=, a pod's args) can be compared flag by flag.
func Flags(args []string) map[string]string {
	out := map[string]string{}
	for i, a := range args {
		if !strings.HasPrefix(a, "--") {
			continue
		}
		if i+1 < len(args) && !strings.HasPrefix(args[i+1], "--") {
			out[a] = args[i+1]
		} else {
			out[a] = ""
		}
	}
	return out
}
