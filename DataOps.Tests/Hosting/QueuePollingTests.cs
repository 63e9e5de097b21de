using Azure.Storage.Queues;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DataOps.Tests.Hosting;

public sealed class QueuePollingTests(AzuriteFixture azurite)
{
    private readonly TimerRecordingTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _queue = AzuriteFixture.UniqueName("polling");
    private int _pollWaitsSeen;

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

    /// <summary>
    /// The next poll delay: the next timer of at most a second created on the clock (a message's visibility renewal
    /// waits 30 s, nothing else in the host waits on it). Advancing the clock by it fires it, which starts the next poll.
    /// </summary>
    private async Task<TimeSpan> NextPollWaitAsync()
    {
        var index = _pollWaitsSeen++;
        await Eventually.HoldsAsync(() => PollWaits().Count > index, "the listener waits for its next poll");
        return PollWaits()[index];
    }

    private List<TimeSpan> PollWaits() => [.. _clock.DueTimes.Where(d => d <= TimeSpan.FromSeconds(1))];
}
