//go:build unix

package outputfile

import "golang.org/x/sys/unix"

// takesFiles asks the system whether ganui may make files in dir, and
// so rename one into it (access(2), write and search): refused with
// EACCES for its permissions, EROFS on a read-only file system. ganui's
// real ids are its effective ones, which access checks.
func takesFiles(dir string) error {
	return unix.Access(dir, unix.W_OK|unix.X_OK)
}
