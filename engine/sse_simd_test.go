//go:build goexperiment.simd && amd64

package engine

import (
	"bufio"
	"bytes"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestNoLegacySSEWhileDirty reads the machine code of this package in ganui's
// binary (built with this test's GOEXPERIMENT, disassembled by GNU objdump: a
// test binary has no symbols) and fails on every legacy SSE instruction that
// writes an XMM register while the upper halves of the vector registers may be
// dirty: after a YMM or ZMM instruction and before VZEROUPPER, on some path
// through the function and the functions it calls. On some x86 cores each such
// instruction costs about 130 ns (u32p); a single one in gemm's one-row tile is
// enough to make the SIMD build slower than the portable one (bench/README.md,
// step 31). Go compiles scalar float code to legacy SSE, so a kernel must keep
// scalar floats out of its vector part (u32p, bcast16, addLane0, storeLane0) or
// clear the upper halves first (archsimd.ClearAVXUpperBits).
//
// Only the kernels named for their width (gemm16Tile1x4, gemv8, …) and
// gemmVec, which calls them, may return dirty; their callers clear after
// them. Every other function returns clean, so that the code after a call
// the analysis cannot follow (a pool task's run, through an interface)
// starts clean.
//
// The analysis follows each function's jumps and calls: a function starts
// clean, a vector instruction dirties, VZEROUPPER cleans, a call leaves the
// state its callee returns with (a callee entered dirty is analysed
// entered dirty), an indirect jump may go anywhere in its function, and a
// runtime call leaves the state as it was. The stack-growth path
// (runtime.morestack and the reloading of the arguments after it) is
// skipped: it runs once a goroutine's stack grows.
func TestNoLegacySSEWhileDirty(t *testing.T) {
	if testing.Short() {
		t.Skip("disassembles the test binary")
	}
	objdump, err := exec.LookPath("objdump")
	if err != nil {
		t.Skip("no objdump (GNU binutils) to read the machine code with")
	}
	bin := filepath.Join(t.TempDir(), "ganui")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/ganui/ganui").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(objdump, "-d", "--no-show-raw-insn", bin).Output()
	if err != nil {
		t.Fatalf("objdump %s: %v", bin, err)
	}
	prog := parseObjdump(out)
	const pkg = "github.com/ganui/ganui/engine."
	if len(prog.funcs) == 0 || prog.funcs[pkg+"gemm16Tile1x4"] == nil {
		t.Fatalf("objdump gave no engine.gemm16Tile1x4 among %d functions", len(prog.funcs))
	}
	var roots []string
	for name := range prog.funcs {
		rest, ok := strings.CutPrefix(name, pkg)
		if !ok || strings.HasPrefix(rest, "Test") || strings.HasPrefix(rest, "Benchmark") || strings.HasPrefix(rest, "Fuzz") {
			continue
		}
		roots = append(roots, name)
	}
	a := &sseAnalysis{prog: prog, done: map[sseKey]bool{}, exit: map[sseKey]bool{}, found: map[string]string{}}
	var leaks []string
	for _, name := range roots {
		if a.run(name, false) && !widthKernel.MatchString(strings.TrimPrefix(name, pkg)) {
			leaks = append(leaks, strings.TrimPrefix(name, pkg))
		}
	}
	if len(a.found) == 0 && len(leaks) == 0 {
		return
	}
	slices.Sort(leaks)
	if len(leaks) > 0 {
		t.Errorf("these return with the upper halves dirty, and are not kernels named for their width: end them with archsimd.ClearAVXUpperBits():\n%s",
			strings.Join(leaks, "\n"))
	}
	// This package's own findings first: one missing VZEROUPPER taints
	// every function called after it, fmt's and math's among them.
	var own, others []string
	for at, what := range a.found {
		if rest, ok := strings.CutPrefix(at, pkg); ok {
			own = append(own, rest+": "+what)
		} else {
			others = append(others, at+": "+what)
		}
	}
	slices.Sort(own)
	slices.Sort(others)
	if len(others) > 10 {
		others = append(others[:10], fmt.Sprintf("… and %d more", len(others)-10))
	}
	if len(a.found) > 0 {
		t.Errorf("legacy SSE instructions that write an XMM register while the vector registers' upper halves may be dirty:\n%s\nin other packages, reached from this one:\n%s",
			strings.Join(own, "\n"), strings.Join(others, "\n"))
	}
}

// widthKernel matches the names of the functions that may return with the
// vector registers' upper halves dirty.
var widthKernel = regexp.MustCompile(`16|8|^gemmVec$`)

// TestSSEAnalysisFindsTheTile runs TestNoLegacySSEWhileDirty's analysis on a
// function that holds the fault it guards gemm's one-row tile against: a float
// coefficient tested against zero inside a loop of multiply-adds.
func TestSSEAnalysisFindsTheTile(t *testing.T) {
	const dump = `
0000000000001000 <p.tile>:
    1000:	vmovups (%rax),%zmm0
    1006:	movss  (%rbx),%xmm8
    100b:	ucomiss %xmm8,%xmm9
    100f:	jne    1020 <p.tile+0x20>
    1011:	vfmadd231ps %zmm1,%zmm2,%zmm0
    1017:	jmp    1006 <p.tile+0x6>
    1020:	call   2000 <p.clean>
    1025:	movss  (%rbx),%xmm8
    102a:	ret
0000000000002000 <p.clean>:
    2000:	vzeroupper
    2003:	ret
0000000000003000 <p.fine>:
    3000:	movss  (%rbx),%xmm8
    3005:	vbroadcastss %xmm8,%zmm8
    300b:	vzeroupper
    300e:	addss  %xmm1,%xmm2
    3012:	cmp    %rsp,0x10(%r14)
    3016:	jbe    3020 <p.fine+0x20>
    3018:	vmovups %zmm8,(%rax)
    301e:	ret
    3020:	call   4000 <runtime.morestack_noctxt>
    3025:	movss  0x8(%rsp),%xmm0
    302b:	jmp    3000 <p.fine>
`
	prog := parseObjdump([]byte(dump))
	a := &sseAnalysis{prog: prog, done: map[sseKey]bool{}, exit: map[sseKey]bool{}, found: map[string]string{}}
	for _, f := range []string{"p.tile", "p.fine"} {
		a.run(f, false)
	}
	want := map[string]string{"p.tile+0x6": "movss  (%rbx),%xmm8"}
	if len(a.found) != len(want) || a.found["p.tile+0x6"] != want["p.tile+0x6"] {
		t.Errorf("found %q, want %q (the loop's load; not the one after p.clean's VZEROUPPER, nor fine's)", a.found, want)
	}
}

// sseProg is a disassembly: each function's instructions in address order.
type sseProg struct {
	funcs map[string][]sseInsn
}

type sseInsn struct {
	addr       uint64
	op, args   string
	jumpTo     uint64 // a direct jump's target, or 0
	callee     string // a direct call's function
	indirect   bool   // jmp through a register or memory
	noFallThru bool   // jmp, ret, ud2, int3
}

var (
	objFunc = regexp.MustCompile(`^([0-9a-f]+) <(.+)>:$`)
	objInsn = regexp.MustCompile(`^\s+([0-9a-f]+):\t(\S+)\s*(.*)$`)
	objDest = regexp.MustCompile(`^([0-9a-f]+) <(.+)>$`)
)

func parseObjdump(out []byte) *sseProg {
	p := &sseProg{funcs: map[string][]sseInsn{}}
	var cur string
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if m := objFunc.FindStringSubmatch(line); m != nil {
			cur = m[2]
			continue
		}
		m := objInsn.FindStringSubmatch(line)
		if m == nil || cur == "" {
			continue
		}
		addr, _ := strconv.ParseUint(m[1], 16, 64)
		in := sseInsn{addr: addr, op: m[2], args: strings.TrimSpace(m[3])}
		if i := strings.Index(in.args, "#"); i >= 0 {
			in.args = strings.TrimSpace(in.args[:i])
		}
		switch {
		case strings.HasPrefix(in.op, "j"):
			if d := objDest.FindStringSubmatch(in.args); d != nil {
				in.jumpTo, _ = strconv.ParseUint(d[1], 16, 64)
			} else {
				in.indirect = true
			}
			in.noFallThru = in.op == "jmp"
		case in.op == "call":
			if d := objDest.FindStringSubmatch(in.args); d != nil {
				in.callee = d[2]
			}
			// A panic does not return.
			in.noFallThru = strings.HasPrefix(in.callee, "runtime.panic") || strings.HasPrefix(in.callee, "runtime.goPanic")
		case in.op == "ret" || in.op == "ud2" || in.op == "int3":
			in.noFallThru = true
		}
		p.funcs[cur] = append(p.funcs[cur], in)
	}
	return p
}

// legacyWrite reports whether in is a legacy (non-VEX) SSE instruction
// with an XMM register as its destination.
func (in sseInsn) legacyWrite() bool {
	if strings.HasPrefix(in.op, "v") || !strings.Contains(in.args, "%xmm") {
		return false
	}
	switch in.op {
	case "ucomiss", "ucomisd", "comiss", "comisd", "ptest":
		return false // they write only the flags
	}
	args := strings.Split(in.args, ",")
	return strings.HasPrefix(strings.TrimSpace(args[len(args)-1]), "%xmm")
}

func (in sseInsn) vector() bool {
	return strings.Contains(in.args, "%ymm") || strings.Contains(in.args, "%zmm")
}

type sseKey struct {
	fn    string
	dirty bool
}

// sseAnalysis propagates the dirty state through functions, memoised by
// function and entry state; found maps an instruction (function+offset)
// to its text.
type sseAnalysis struct {
	prog  *sseProg
	done  map[sseKey]bool
	exit  map[sseKey]bool // whether the function may return dirty
	found map[string]string
}

// run analyses fn entered with the given state and returns whether it may
// return dirty.
func (a *sseAnalysis) run(fn string, dirty bool) bool {
	key := sseKey{fn, dirty}
	if a.done[key] {
		return a.exit[key]
	}
	a.done[key], a.exit[key] = true, dirty // a recursive call sees its entry state
	code := a.prog.funcs[fn]
	if len(code) == 0 {
		return dirty
	}
	index := make(map[uint64]int, len(code))
	for i, in := range code {
		index[in.addr] = i
	}
	// in[i] holds the states instruction i may be reached with: bit 0
	// clean, bit 1 dirty.
	in := make([]uint8, len(code))
	state := func(d bool) uint8 {
		if d {
			return 2
		}
		return 1
	}
	var work []int
	reach := func(i int, s uint8) {
		if i < len(code) && in[i]|s != in[i] {
			in[i] |= s
			work = append(work, i)
		}
	}
	reach(0, state(dirty))
	exitDirty := false
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		for _, d := range []bool{false, true} {
			if in[i]&state(d) == 0 {
				continue
			}
			ins := code[i]
			after := d
			switch {
			case ins.op == "vzeroupper" || ins.op == "vzeroall":
				after = false
			case ins.vector():
				after = true
			case ins.legacyWrite() && d:
				a.found[fmt.Sprintf("%s+0x%x", fn, ins.addr-code[0].addr)] = ins.op + "  " + ins.args
			case ins.callee != "":
				if strings.HasPrefix(ins.callee, "runtime.morestack") {
					continue // the stack-growth path: reloads, then jumps back to the start
				}
				if !strings.HasPrefix(ins.callee, "runtime.") {
					after = a.run(ins.callee, d)
				}
			}
			if ins.op == "ret" && after {
				exitDirty = true
			}
			if ins.indirect {
				for j := range code {
					reach(j, state(after))
				}
			}
			if ins.jumpTo != 0 {
				if j, ok := index[ins.jumpTo]; ok {
					reach(j, state(after))
				}
			}
			if !ins.noFallThru {
				reach(i+1, state(after))
			}
		}
	}
	a.exit[key] = exitDirty
	return exitDirty
}
