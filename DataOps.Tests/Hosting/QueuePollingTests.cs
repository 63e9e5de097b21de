using Azure.Storage.Queues;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Hosting;

public sealed class QueuePollingTests(AzuriteFixture azurite)
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _queue = AzuriteFixture.UniqueName("polling");

    [Fact]
    public async Task EmptyQueue_Polls_BackOffDoublesToMaxAndResetsOnMessage()
    {
        await using var host = await TestFunctionHost.StartAsync(azurite, [typeof(RecordingQueueFunction)],
            new Dictionary<string, string?>
            {
                ["Test:OrderQueue"] = _queue,
                ["extensions:queues:maxPollingInterval"] = "00:00:01",
                ["extensions:queues:messageEncoding"] = "none",
                // No invocation timeout: its timer would run on the test clock too.
                ["functionTimeout"] = string.Empty,
            },
            services => services.AddSingleton<TimeProvider>(_clock));

        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            waits.Add(await NextPollWaitAsync());
            _clock.Advance(waits[^1]);
        }

        await new QueueServiceClient(azurite.ConnectionString).GetQueueClient(_queue)
            .SendMessageAsync("hello", cancellationToken: TestContext.Current.CancellationToken);
        _clock.Advance(await NextPollWaitAsync());
        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(RecordingQueueFunction.Record)) == 1, "the message is handled at the next poll");
        var afterMessage = await NextPollWaitAsync();

        Assert.Equal(new[] { 100, 200, 400, 800, 1000, 1000 }.Select(ms => TimeSpan.FromMilliseconds(ms)), waits);
        Assert.Equal(TimeSpan.FromMilliseconds(100), afterMessage);
    }

    /// <summary>The poll delay is the only timer once no message is in flight (a message's visibility renewal waits 30 s).</summary>
    private async Task<TimeSpan> NextPollWaitAsync()
    {
        await Eventually.HoldsAsync(() => _clock.PendingTimers == 1 && _clock.NextDueIn <= TimeSpan.FromSeconds(1), "the listener waits for its next poll");
        return _clock.NextDueIn!.Value;
    }
}
