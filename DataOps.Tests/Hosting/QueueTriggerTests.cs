using System.Text;
using Azure.Storage.Queues;
using DataOps.Tests.Hosting.Functions;
using DataOps.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DataOps.Tests.Hosting;

public sealed class QueueTriggerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _orders = AzuriteFixture.UniqueName("orders");
    private readonly string _flaky = AzuriteFixture.UniqueName("flaky");

    [Fact]
    public async Task Message_TypedPayload_BindsPayloadAndMetadataThenDeletes()
    {
        await using var host = await StartAsync();
        var queue = Queue(_orders);
        var sent = await queue.SendMessageAsync(Base64("""{"orderId":"A-1","quantity":3}"""), cancellationToken: Ct);

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(QueueTestFunctions.Orders)) == 1, "the order is handled");
        var seen = host.Recorder.Values<QueueTestFunctions.OrderSeen>(nameof(QueueTestFunctions.Orders)).Single();

        Assert.Equal(new QueueTestFunctions.OrderMessage { OrderId = "A-1", Quantity = 3 }, seen.Order);
        Assert.Equal(1, seen.DequeueCount);
        Assert.Equal(sent.Value.MessageId, seen.Id);
        Assert.NotEmpty(seen.PopReceipt);
        Assert.Equal("""{"orderId":"A-1","quantity":3}""", seen.MessageText);
        Assert.Equal(nameof(QueueTestFunctions.Orders), seen.FunctionName);
        Assert.True(seen.InsertionTime > DateTimeOffset.UtcNow.AddMinutes(-5));
        await Eventually.HoldsAsync(async () => await CountAsync(_orders) == 0, "the handled message is deleted");
    }

    [Fact]
    public async Task Message_ManyAtOnce_AllHandledOnce()
    {
        await using var host = await StartAsync();
        var queue = Queue(_orders);
        for (var i = 0; i < 40; i++)
        {
            await queue.SendMessageAsync(Base64($$"""{"orderId":"B-{{i}}","quantity":{{i}}}"""), cancellationToken: Ct);
        }

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(QueueTestFunctions.Orders)) >= 40, "all 40 orders are handled");
        await Eventually.HoldsAsync(async () => await CountAsync(_orders) == 0, "the queue is empty");

        var ids = host.Recorder.Values<QueueTestFunctions.OrderSeen>(nameof(QueueTestFunctions.Orders)).Select(s => s.Order.OrderId).ToList();
        Assert.Equal(40, ids.Distinct().Count());
    }

    [Fact]
    public async Task Message_FailsTwice_RetriedThenSucceeds()
    {
        await using var host = await StartAsync();
        await Queue(_flaky).SendMessageAsync(Base64("fail:2"), cancellationToken: Ct);

        await Eventually.HoldsAsync(() => host.Recorder.Count("Flaky.Succeeded") == 1, "the third attempt succeeds");

        Assert.Equal([1, 2, 3], host.Recorder.Values<int>(nameof(QueueTestFunctions.Flaky)));
        await Eventually.HoldsAsync(async () => await CountAsync(_flaky) == 0, "the message is deleted");
        Assert.Equal(0, await CountAsync(_flaky + "-poison"));
    }

    [Fact]
    public async Task Message_AlwaysFails_MovesOriginalToPoisonAfterMaxDequeueCount()
    {
        await using var host = await StartAsync(new() { ["extensions:queues:maxDequeueCount"] = "3" });
        var original = Base64("fail:99");
        await Queue(_flaky).SendMessageAsync(original, cancellationToken: Ct);

        await Eventually.HoldsAsync(async () => await CountAsync(_flaky + "-poison") == 1, "the message reaches the poison queue");

        Assert.Equal([1, 2, 3], host.Recorder.Values<int>(nameof(QueueTestFunctions.Flaky)));
        var poisoned = (await Queue(_flaky + "-poison").PeekMessagesAsync(cancellationToken: Ct)).Value.Single();
        Assert.Equal(original, poisoned.MessageText);
        Assert.Equal(0, await CountAsync(_flaky));
    }

    [Fact]
    public async Task Start_QueueAbsent_HandlesMessagesOnceTheQueueIsCreated()
    {
        // As under the Functions host, a listener neither creates its queue nor fails on a missing one.
        await using var host = await StartAsync(createQueues: false);
        Assert.False((await Queue(_orders).ExistsAsync(cancellationToken: Ct)).Value);

        await Queue(_orders).CreateAsync(cancellationToken: Ct);
        await Queue(_orders).SendMessageAsync(Base64("""{"orderId":"E-1","quantity":1}"""), cancellationToken: Ct);

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(QueueTestFunctions.Orders)) == 1, "the order is handled");
    }

    [Fact]
    public async Task Messages_BatchSettings_BoundConcurrentHandlers()
    {
        await using var host = await StartAsync(new()
        {
            ["extensions:queues:batchSize"] = "2",
            ["extensions:queues:newBatchThreshold"] = "0",
        }, [typeof(ConcurrencyProbe)]);
        for (var i = 0; i < 10; i++)
        {
            await Queue(_orders).SendMessageAsync(Base64("m" + i), cancellationToken: Ct);
        }

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(ConcurrencyProbe.Probe)) == 10, "all 10 messages are handled");

        var probe = host.Host.Services.GetRequiredService<ConcurrencyProbe.Counter>();
        Assert.InRange(probe.Max, 1, 2);
    }

    [Fact]
    public async Task Message_Poisoned_ReasonIsLogged()
    {
        await using var host = await StartAsync(null, null, services => services.AddFakeLogging());

        await Queue(_orders).SendMessageAsync("%%%", cancellationToken: Ct);

        await Eventually.HoldsAsync(async () => await CountAsync(_orders + "-poison") == 1, "the message reaches the poison queue");
        var logs = host.Host.Services.GetFakeLogCollector();
        await Eventually.HoldsAsync(
            () => logs.GetSnapshot().Any(r => r.Level >= LogLevel.Warning && r.Message.Contains(_orders + "-poison", StringComparison.Ordinal)),
            "the move to the poison queue is logged");
    }

    [Fact]
    public async Task Message_DequeuedPastMaxWithoutSettling_PoisonedWithoutRunning()
    {
        var queue = Queue(_flaky);
        await queue.CreateIfNotExistsAsync(cancellationToken: Ct);
        await queue.SendMessageAsync(Base64("fail:0"), cancellationToken: Ct);
        for (var i = 0; i < 2; i++)
        {
            // A host that died mid-run: received, never deleted, visible again at once.
            var received = (await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30), Ct)).Value.Single();
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, (string?)null, TimeSpan.Zero, Ct);
        }

        await using var host = await StartAsync(new() { ["extensions:queues:maxDequeueCount"] = "2" });

        await Eventually.HoldsAsync(async () => await CountAsync(_flaky + "-poison") == 1, "the message reaches the poison queue");
        Assert.Equal(0, host.Recorder.Count(nameof(QueueTestFunctions.Flaky)));
    }

    [Theory]
    [InlineData("not base64 at all!", true)]
    [InlineData("not json", false)]
    [InlineData("""{"orderId":"C-1"}""", false)]
    [InlineData("""{"orderId":"C-1","quantity":"three"}""", false)]
    [InlineData("null", false)]
    public async Task Message_Malformed_EndsInPoisonWithoutBlockingTheQueue(string body, bool raw)
    {
        await using var host = await StartAsync();
        var queue = Queue(_orders);
        var wire = raw ? body : Base64(body);
        await queue.SendMessageAsync(wire, cancellationToken: Ct);
        await queue.SendMessageAsync(Base64("""{"orderId":"OK-1","quantity":1}"""), cancellationToken: Ct);

        await Eventually.HoldsAsync(async () => await CountAsync(_orders + "-poison") == 1, "the malformed message reaches the poison queue");
        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(QueueTestFunctions.Orders)) == 1, "the good message behind it is handled");

        var poisoned = (await Queue(_orders + "-poison").PeekMessagesAsync(cancellationToken: Ct)).Value.Single();
        Assert.Equal(wire, poisoned.MessageText);
        Assert.Equal("OK-1", host.Recorder.Values<QueueTestFunctions.OrderSeen>(nameof(QueueTestFunctions.Orders)).Single().Order.OrderId);
    }

    [Fact]
    public async Task Message_EncodingNone_ReadsTextAsIs()
    {
        await using var host = await StartAsync(new() { ["extensions:queues:messageEncoding"] = "none" });

        await Queue(_orders).SendMessageAsync("""{"orderId":"D-1","quantity":2}""", cancellationToken: Ct);

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(QueueTestFunctions.Orders)) == 1, "the plain-text message is handled");
    }

    [Fact]
    public async Task Handler_RunsLongerThanLease_MessageStaysInvisibleAndIsHandledOnce()
    {
        // The extension keeps a message in flight invisible (renewing its visibility) until its handler settles it.
        await using var host = await StartAsync(null, [typeof(SlowQueueFunction)]);
        await Queue(_orders).SendMessageAsync(Base64("slow"), cancellationToken: Ct);

        await Eventually.HoldsAsync(() => host.Recorder.Count(nameof(SlowQueueFunction.Slow)) == 1, "the slow handler finishes");
        await Eventually.HoldsAsync(async () => await CountAsync(_orders) == 0, "the message is deleted with its renewed pop receipt");

        Assert.Equal(1, host.Recorder.Count("Slow.Started"));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private QueueClient Queue(string name) => new QueueServiceClient(azurite.ConnectionString).GetQueueClient(name);

    private async Task<int> CountAsync(string queue)
    {
        var client = Queue(queue);
        return (await client.ExistsAsync(cancellationToken: Ct)).Value ? (await client.GetPropertiesAsync(cancellationToken: Ct)).Value.ApproximateMessagesCount : 0;
    }

    private async Task<TestFunctionHost> StartAsync(
        Dictionary<string, string?>? settings = null, Type[]? functions = null, Action<IServiceCollection>? services = null, bool createQueues = true)
    {
        if (createQueues)
        {
            // The queues exist before the app runs, as when deployed: the Functions host does not create them.
            await Queue(_orders).CreateIfNotExistsAsync(cancellationToken: Ct);
            await Queue(_flaky).CreateIfNotExistsAsync(cancellationToken: Ct);
        }

        settings ??= [];
        settings["Test:OrderQueue"] = _orders;
        settings["Test:FlakyQueue"] = _flaky;
        return await TestFunctionHost.StartAsync(azurite, functions ?? [typeof(QueueTestFunctions)], settings, s =>
        {
            s.AddSingleton<ConcurrencyProbe.Counter>();
            services?.Invoke(s);
        });
    }
}
