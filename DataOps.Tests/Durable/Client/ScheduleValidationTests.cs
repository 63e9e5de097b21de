using Azure.Data.Tables;
using DataOps.Durable;
using DataOps.Durable.Client;
using DataOps.Durable.Runtime.Storage;
using DataOps.Tests.Durable.TestSupport;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Durable.Client;

/// <summary>Bad input at the call site fails with a clear error and writes nothing.</summary>
public sealed class ScheduleValidationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DurableTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await DurableTestHost.StartAsync(
            azurite.ConnectionString, AzuriteFixture.UniqueName("val"),
            b => b.AddOrchestrator<TestTasks.Sequence>().AddActivity<TestTasks.Append>(),
            options: o => o.MaxPayloadBytes = 4096);

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("has/slash", "illegal character '/'")]
    [InlineData("back\\slash", "illegal character '\\'")]
    [InlineData("hash#tag", "illegal character '#'")]
    [InlineData("what?", "illegal character '?'")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("", "must not be empty")]
    public async Task Schedule_IllegalInstanceId_ThrowsAndWritesNothing(string instanceId, string expected)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "x", new StartOrchestrationOptions(instanceId), Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_InstanceIdOver100Chars_Throws()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "x", new StartOrchestrationOptions(new string('a', 101)), Ct));

        Assert.Contains("101 characters", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_UnknownOrchestrator_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync("NoSuchFlow", "x", new StartOrchestrationOptions("unknown-1"), Ct));

        Assert.Contains("'NoSuchFlow'", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_InputOfWrongShape_ThrowsNamingTheType()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), new { nested = 1 }, new StartOrchestrationOptions("shape-1"), Ct));

        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_InputThatCannotSerialize_Throws()
    {
        var cyclic = new Node();
        cyclic.Next = cyclic;

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), cyclic, new StartOrchestrationOptions("cycle-1"), Ct));

        Assert.Contains("cannot be serialized", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_PayloadOverLimit_ThrowsWithSizes()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), new string('x', 5000), new StartOrchestrationOptions("big-1"), Ct));

        Assert.Contains("limit is 4096 bytes", error.Message, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Schedule_IdStillRunning_ThrowsAlreadyExists()
    {
        var id = await _host.Client.ScheduleNewOrchestrationInstanceAsync(
            nameof(TestTasks.Sequence), "x", new StartOrchestrationOptions("dup-1", DateTimeOffset.UtcNow.AddHours(1)), Ct);

        var error = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(TestTasks.Sequence), "y", new StartOrchestrationOptions(id), Ct));

        Assert.Contains("dup-1", error.Message, StringComparison.Ordinal);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await _host.Client.GetInstanceAsync(id, cancellation: Ct))!.RuntimeStatus);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.Client.RaiseEventAsync("nobody", "e", null, Ct));

        Assert.Contains("'nobody' does not exist", error.Message, StringComparison.Ordinal);
    }

    private async Task AssertNothingWrittenAsync()
    {
        var hub = _host.Services.GetRequiredService<TaskHubStorage>();
        var rows = await hub.Instances.QueryAsync<TableEntity>(cancellationToken: Ct).ToListAsync(Ct);
        Assert.DoesNotContain(rows, r => r.PartitionKey != "dup-1");
        foreach (var queue in hub.ControlQueues)
        {
            var peeked = (await queue.PeekMessagesAsync(32, Ct)).Value;
            Assert.DoesNotContain(peeked, p => !p.Body.ToString().Contains("dup-1", StringComparison.Ordinal));
        }
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
    }
}
