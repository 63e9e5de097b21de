using System.Diagnostics;
using DataOps.Testing;

namespace DataOps.Tests.Infrastructure;

public sealed class ProcessWatchdogTests
{
    [Fact]
    public async Task Start_OwnerDies_ChildIsKilled()
    {
        var ct = TestContext.Current.CancellationToken;
        using var owner = Process.Start("sleep", "1")!;
        using var child = Process.Start("sleep", "120")!;

        using var watchdog = ProcessWatchdog.Start(child.Id, owner.Id);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        await child.WaitForExitAsync(deadline.Token);

        Assert.True(child.HasExited);
        Assert.NotNull(watchdog);
    }
}
