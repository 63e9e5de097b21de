using System.Globalization;
using DataOps.Durable.Hosting;

namespace DataOps.Tests.Hosting.Functions;

public sealed class QueueTestFunctions(InvocationRecorder recorder)
{
    [Function(nameof(Orders))]
    public Task Orders(
        [QueueTrigger("%Test:OrderQueue%")] OrderMessage order,
        long dequeueCount,
        string id,
        DateTimeOffset insertionTime,
        string popReceipt,
        QueueMessageInfo info,
        FunctionContext context)
    {
        recorder.Record(nameof(Orders), new OrderSeen(order, dequeueCount, id, insertionTime, popReceipt, info, context.FunctionName));
        return Task.CompletedTask;
    }

    /// <summary>The message "fail:N" fails on its first N deliveries and succeeds after.</summary>
    [Function(nameof(Flaky))]
    public void Flaky([QueueTrigger("%Test:FlakyQueue%")] string text, int dequeueCount)
    {
        recorder.Record(nameof(Flaky), dequeueCount);
        var failures = int.Parse(text.Split(':')[1], CultureInfo.InvariantCulture);
        if (dequeueCount <= failures)
        {
            throw new InvalidOperationException($"attempt {dequeueCount} fails");
        }

        recorder.Record("Flaky.Succeeded", text);
    }

    public sealed record OrderMessage
    {
        public required string OrderId { get; init; }

        public required int Quantity { get; init; }
    }

    public sealed record OrderSeen(OrderMessage Order, long DequeueCount, string Id, DateTimeOffset InsertionTime, string PopReceipt, QueueMessageInfo Info, string FunctionName);
}
