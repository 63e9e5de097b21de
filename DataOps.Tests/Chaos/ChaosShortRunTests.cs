using System.Diagnostics;
using System.Reflection;
using System.Text;
using DataOps.Testing;

namespace DataOps.Tests.Chaos;

/// <summary>
/// The CI variant of the chaos run (<c>scripts/chaos.sh --short</c>): the real command, as a process, with its own
/// Azurite, Glean emulator and two hosts; SIGKILLs, an Azurite restart and Glean faults, then a search outage longer
/// than the retry budget with an unhealthy datasource, a provision that fails for good and is retried, and a cancelled
/// teardown (about four minutes). It passes only when the run reports no violation. The full run (<c>scripts/chaos.sh</c>) is not part of the default test run.
/// </summary>
public sealed class ChaosShortRunTests
{
    [Fact]
    public async Task ShortChaosRun_EveryPromiseHolds()
    {
        var root = RepositoryRoot.Find();
        var configuration = typeof(ChaosShortRunTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var runner = Path.Combine(root, "DataOps.Chaos", "bin", configuration, "net10.0", "DataOps.Chaos.dll");
        var workDir = Path.Combine(Path.GetTempPath(), "dataops-chaos-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { runner, "--short", "--work-dir", workDir })
        {
            info.ArgumentList.Add(arg);
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        using var watchdog = ProcessWatchdog.Start(process.Id);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            deadline.CancelAfter(TimeSpan.FromMinutes(12));
            await process.WaitForExitAsync(deadline.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }

            if (watchdog is { HasExited: false })
            {
                watchdog.Kill();
            }
        }

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        TestContext.Current.TestOutputHelper?.WriteLine(text);
        Assert.True(process.ExitCode == 0, $"the short chaos run reported violations (exit {process.ExitCode}):{Environment.NewLine}{text}");
        Assert.Contains("chaos run passed", text, StringComparison.Ordinal);
        Directory.Delete(workDir, recursive: true);
    }
}
