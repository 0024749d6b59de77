package engine

import "strconv"

// CSVHeader names the columns of a run's per-epoch history as CSV, the
// format of ganui --log and of the interactive trainer's export: this line,
// then one row per epoch as EpochStats.AppendCSV writes it.
const CSVHeader = "epoch,d_real,d_fake,g_loss,mean,std"

// AppendCSV appends the epoch's row of a history CSV, newline included, to
// dst and returns the extended slice. Every value is written in the
// shortest form that parses back to the same float64 (as %g does), so a
// history read back from CSV is exact; a diverged epoch shows NaN or ±Inf.
// It allocates nothing when dst has room.
func (s EpochStats) AppendCSV(dst []byte) []byte {
	dst = strconv.AppendInt(dst, int64(s.Epoch), 10)
	for _, v := range [...]float64{s.DReal, s.DFake, s.G, s.Mean, s.Std} {
		dst = append(dst, ',')
		dst = strconv.AppendFloat(dst, v, 'g', -1, 64)
	}
	return append(dst, '\n')
}
