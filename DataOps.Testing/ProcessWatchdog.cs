using System.Diagnostics;
using System.Globalization;

namespace DataOps.Testing;

/// <summary>
/// Kills a child process (by pid) once the current process is gone, even when it died by SIGKILL and could not
/// run its exit handlers. On Unix a tiny shell loop polls both pids once a second and ends by itself when the child
/// ends; on Windows nothing is started and only the exit handler applies.
/// </summary>
internal static class ProcessWatchdog
{
    /// <summary>Starts the watchdog for <paramref name="childPid"/> owned by this process; returns it (null where unsupported).</summary>
    public static Process? Start(int childPid) => Start(childPid, Environment.ProcessId);

    /// <summary>Starts a watchdog that kills <paramref name="childPid"/> once <paramref name="ownerPid"/> is gone.</summary>
    public static Process? Start(int childPid, int ownerPid)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var owner = ownerPid.ToString(CultureInfo.InvariantCulture);
        var child = childPid.ToString(CultureInfo.InvariantCulture);
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"while kill -0 {owner} 2>/dev/null && kill -0 {child} 2>/dev/null; do sleep 1; done; kill {child} 2>/dev/null; exit 0");
        return Process.Start(info);
    }
}
