package contracts_test

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/heerlen/heitje/contracts"
	"github.com/heerlen/heitje/contracts/bindings"
)

func TestEmbeddedBuildMatchesBindings(t *testing.T) {
	parsed, err := bindings.HeitjeCoinMetaData.ParseABI()
	if err != nil {
		t.Fatal(err)
	}
	embedded := contracts.ABI()
	if !reflect.DeepEqual(embedded.Methods, parsed.Methods) || !reflect.DeepEqual(embedded.Events, parsed.Events) ||
		!reflect.DeepEqual(embedded.Errors, parsed.Errors) {
		t.Error("the embedded ABI and the bindings' ABI differ")
	}
	if !bytes.Equal(contracts.Bytecode(), common.FromHex(bindings.HeitjeCoinMetaData.Bin)) {
		t.Error("the embedded bytecode and the bindings' bytecode differ")
	}
	if len(contracts.ABIJSON()) == 0 {
		t.Error("ABIJSON is empty")
	}
}

// TestBytecodeIsLondon checks that the compiled code uses no opcode that London lacks. geth v1.13.15's Clique
// chain runs London rules, and such code fails there with all gas burned.
func TestBytecodeIsLondon(t *testing.T) {
	newer := map[byte]string{0x5c: "TLOAD", 0x5d: "TSTORE", 0x5e: "MCOPY", 0x5f: "PUSH0", 0x49: "BLOBHASH", 0x4a: "BLOBBASEFEE"}
	code := contracts.Bytecode()
	// Stop before the CBOR metadata that solc appends to the runtime code; its last two bytes are its length.
	end := len(code) - 2 - (int(code[len(code)-2])<<8 | int(code[len(code)-1]))
	for pc := 0; pc < end; pc++ {
		op := code[pc]
		if name, ok := newer[op]; ok {
			t.Fatalf("opcode %s (0x%02x) at offset %d", name, op, pc)
		}
		if op >= 0x60 && op <= 0x7f { // PUSH1..PUSH32: skip the immediate
			pc += int(op - 0x5f)
		}
	}
}
