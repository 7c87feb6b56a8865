/* After start-up obfcgi needs no new files, processes or network: it drops
 * root for an unprivileged user and installs a seccomp filter (libseccomp)
 * that refuses with EPERM what a compromised handler would reach for:
 * running programs, new processes, tracing, sockets other than unix ones
 * (and inet/inet6 ones when a GOST verifier is reached over http or https),
 * mounts, namespaces, modules, keyrings, changing identity.  Threads are
 * allowed (clone with CLONE_THREAD); clone3 answers ENOSYS so that glibc
 * falls back to the clone it can filter.  A deny list rather than an allow
 * list: SQLite, OpenSSL, xmlsec and the sanitizers use many plain calls
 * that differ between versions, and the calls that matter for an attacker
 * are the ones named here. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <seccomp.h>

#include "server.h"

static int drop_root(const char *user, struct ob_err *err)
{
	struct passwd *pw;

	if (geteuid() != 0)
		return 0;
	if ((pw = getpwnam(user)) == NULL)
		return ob_err_set(err, "internal", 0, "no user %s to run as", user), -1;
	if (setgroups(0, NULL) != 0 || setgid(pw->pw_gid) != 0 || setuid(pw->pw_uid) != 0)
		return ob_err_set(err, "internal", 0, "cannot become %s: %s", user, strerror(errno)), -1;
	if (setuid(0) == 0)
		return ob_err_set(err, "internal", 0, "root could be regained"), -1;
	return 0;
}

/* Socket families: unix only, or unix, inet and inet6 (the GOST verifier,
 * core/sig_gost.h).  A rule compares an argument once, so the second set is
 * refused family by family below AF_INET6 and as a range above it. */
static int deny_sockets(scmp_filter_ctx ctx, int allow_inet)
{
	int rc;

	if (!allow_inet)
		return seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 1,
		                        SCMP_A0(SCMP_CMP_NE, AF_UNIX));
	rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 1,
	                      SCMP_A0(SCMP_CMP_GT, AF_INET6));
	for (int f = 0; rc == 0 && f < AF_INET6; f++)
		if (f != AF_UNIX && f != AF_INET)
			rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(socket), 1,
			                      SCMP_A0(SCMP_CMP_EQ, f));
	return rc;
}

static int install_filter(int allow_inet, struct ob_err *err)
{
	static const int denied[] = {
		SCMP_SYS(execve), SCMP_SYS(execveat), SCMP_SYS(fork), SCMP_SYS(vfork),
		SCMP_SYS(ptrace), SCMP_SYS(process_vm_readv), SCMP_SYS(process_vm_writev),
		SCMP_SYS(mount), SCMP_SYS(umount2), SCMP_SYS(pivot_root), SCMP_SYS(chroot),
		SCMP_SYS(unshare), SCMP_SYS(setns), SCMP_SYS(init_module), SCMP_SYS(finit_module),
		SCMP_SYS(delete_module), SCMP_SYS(kexec_load), SCMP_SYS(reboot), SCMP_SYS(swapon),
		SCMP_SYS(swapoff), SCMP_SYS(bpf), SCMP_SYS(perf_event_open), SCMP_SYS(keyctl),
		SCMP_SYS(add_key), SCMP_SYS(request_key), SCMP_SYS(personality), SCMP_SYS(setuid),
		SCMP_SYS(setgid), SCMP_SYS(setreuid), SCMP_SYS(setregid), SCMP_SYS(setresuid),
		SCMP_SYS(setresgid), SCMP_SYS(setgroups), SCMP_SYS(chmod), SCMP_SYS(fchmod),
		SCMP_SYS(fchmodat), SCMP_SYS(chown), SCMP_SYS(fchown), SCMP_SYS(fchownat),
		SCMP_SYS(symlink), SCMP_SYS(symlinkat), SCMP_SYS(link), SCMP_SYS(linkat),
	};
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);
	int rc = ctx == NULL;

	for (size_t i = 0; rc == 0 && i < sizeof denied / sizeof denied[0]; i++)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), denied[i], 0);
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
		                      SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
	if (rc == 0)
		rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
	if (rc == 0)
		rc = deny_sockets(ctx, allow_inet);
	if (rc == 0)
		rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc != 0)
		return ob_err_set(err, "internal", 0, "seccomp: %s", strerror(-rc)), -1;
	return 0;
}

int sandbox_enter(const char *user, int allow_inet, struct ob_err *err)
{
	if (drop_root(user, err) != 0)
		return -1;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return ob_err_set(err, "internal", 0, "no_new_privs: %s", strerror(errno)), -1;
	return install_filter(allow_inet, err);
}

/* The sandbox of a server with a GOST verifier over http(s), in a child:
 * inet and inet6 sockets open (or fail for want of the protocol, not with
 * EPERM), every other family but unix is refused.  Failures counted. */
static int selftest_inet(const char *user)
{
	static const int refused[] = { AF_NETLINK, AF_PACKET, AF_UNSPEC, AF_BLUETOOTH };
	struct ob_err err = { 0 };
	int failures = 0, fd, status;
	pid_t pid;

	if ((pid = fork()) < 0)
		return 1;
	if (pid == 0) {
		if (sandbox_enter(user, 1, &err) != 0)
			_exit(100);
		if ((fd = socket(AF_INET, SOCK_STREAM, 0)) < 0)
			failures++;
		close(fd);
		if ((fd = socket(AF_INET6, SOCK_STREAM, 0)) < 0 && errno == EPERM)
			failures++;
		close(fd);
		for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
			if ((fd = socket(refused[i], SOCK_DGRAM, 0)) >= 0 || errno != EPERM)
				failures++;
			close(fd);
		}
		_exit(failures);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "sandbox: with a GOST verifier, inet not allowed or another family not refused\n");
		return 1;
	}
	return 0;
}

/* obfcgi --sandbox-selftest: enters the sandbox and tries what it must
 * refuse; exits 0 only when every attempt failed (tests/e2e/api.sh).  The
 * variant with inet allowed is tried first, in a child. */
int sandbox_selftest(const char *user)
{
	struct ob_err err = { 0 };
	char *const argv[] = { "/bin/true", NULL };
	int failures = 0, fd;
	pid_t pid;

	failures += selftest_inet(user);
	if (sandbox_enter(user, 0, &err) != 0) {
		fprintf(stderr, "sandbox: %s\n", err.msg);
		return 1;
	}
	if (geteuid() == 0) {
		fprintf(stderr, "sandbox: still root\n");
		failures++;
	}
	execv(argv[0], argv);
	if (errno != EPERM) {
		fprintf(stderr, "sandbox: execve not refused\n");
		failures++;
	}
	if ((pid = fork()) == 0)
		_exit(0);
	if (pid > 0) {
		waitpid(pid, NULL, 0);
		fprintf(stderr, "sandbox: fork not refused\n");
		failures++;
	}
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) >= 0) {
		close(fd);
		fprintf(stderr, "sandbox: an inet socket was opened\n");
		failures++;
	}
	printf("sandbox: %s\n", failures ? "FAILED" : "execve, fork and inet sockets refused");
	return failures != 0;
}
