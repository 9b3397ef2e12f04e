package ownership

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestResultStart: start leaves every field of a Result zero but the ones it is given and
// the holder (none), and keeps the memory of every slice. It sets every field of a Result
// to something else first, by reflection, so that a field added to Result and forgotten in
// start fails it.
func TestResultStart(t *testing.T) {
	var r Result
	v := reflect.ValueOf(&r).Elem()
	for i := range v.NumField() {
		// Through its address, so that the unexported field can be set too.
		f := reflect.NewAt(v.Field(i).Type(), v.Field(i).Addr().UnsafePointer()).Elem()
		switch f.Kind() {
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 3))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f.SetInt(7)
		case reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			f.SetUint(7)
		case reflect.Struct:
			for j := range f.NumField() {
				switch h := f.Field(j); {
				case h.CanInt():
					h.SetInt(7)
				case h.CanUint():
					h.SetUint(7)
				case h.Kind() == reflect.String:
					h.SetString("x")
				}
			}
		default:
			t.Fatalf("field %s of kind %s: teach the test to set it", v.Type().Field(i).Name, f.Kind())
		}
		require.False(t, f.IsZero(), "field %s was not set by the test", v.Type().Field(i).Name)
	}
	r.start(Multiplicative, 3, 4, true)
	want := Result{Method: Multiplicative, Subject: 3, Entity: 4, PerHolder: true, Holder: NoID}
	got := r
	gv := reflect.ValueOf(&got).Elem()
	for i := range gv.NumField() {
		f := reflect.NewAt(gv.Field(i).Type(), gv.Field(i).Addr().UnsafePointer()).Elem()
		if f.Kind() == reflect.Slice {
			require.Equal(t, 0, f.Len(), "field %s", v.Type().Field(i).Name)
			require.Equal(t, 3, f.Cap(), "field %s keeps its memory", v.Type().Field(i).Name)
			f.Set(reflect.Zero(f.Type()))
		}
	}
	require.Equal(t, want, got)
}
