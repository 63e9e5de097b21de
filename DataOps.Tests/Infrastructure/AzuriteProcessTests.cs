using System.Diagnostics;
using DataOps.Testing;

namespace DataOps.Tests.Infrastructure;

public sealed class AzuriteProcessTests(AzuriteFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposeAsync_RunningEmulator_KillsProcessAndFreesPorts()
    {
        var azurite = await AzuriteProcess.StartAsync(Ct);
        var pid = azurite.ProcessId;
        var ports = new[] { azurite.BlobEndpoint.Port, azurite.QueueEndpoint.Port, azurite.TableEndpoint.Port };
        foreach (var port in ports)
        {
            Assert.True(await PortAllocator.IsListeningAsync(port, Ct));
        }

        await azurite.DisposeAsync();

        Assert.False(IsRunning(pid));
        foreach (var port in ports)
        {
            Assert.False(await PortAllocator.IsListeningAsync(port, Ct));
        }
    }

    [Fact]
    public void ConnectionString_Fixture_HasAllThreeEndpointsAndWellKnownAccount()
    {
        Assert.Contains($"BlobEndpoint={fixture.BlobEndpoint}", fixture.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"QueueEndpoint={fixture.QueueEndpoint}", fixture.ConnectionString, StringComparison.Ordinal);
        Assert.Contains($"TableEndpoint={fixture.TableEndpoint}", fixture.ConnectionString, StringComparison.Ordinal);
        Assert.Contains("AccountName=devstoreaccount1", fixture.ConnectionString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("queue")]
    [InlineData("Mixed_Case-Prefix")]
    [InlineData("")]
    [InlineData("9starts-with-digit")]
    [InlineData("a-very-long-prefix-that-goes-on-and-on-and-on-and-on-forever")]
    public void UniqueName_AnyPrefix_IsValidForContainersQueuesAndTables(string prefix)
    {
        var name = AzuriteFixture.UniqueName(prefix);

        Assert.InRange(name.Length, 3, 63);
        Assert.True(char.IsAsciiLetterLower(name[0]));
        Assert.All(name, c => Assert.True(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)));
        Assert.NotEqual(name, AzuriteFixture.UniqueName(prefix));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
