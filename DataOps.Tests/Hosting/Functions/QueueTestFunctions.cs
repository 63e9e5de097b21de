using System.Globalization;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;

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
        FunctionContext context)
    {
        recorder.Record(nameof(Orders), new OrderSeen(order, dequeueCount, id, insertionTime, popReceipt, context.BindingContext.BindingData["QueueTrigger"] as string, context.FunctionDefinition.Name));
        return Task.CompletedTask;
    }

    /// <summary>The message "fail:N" fails on its first N deliveries and succeeds after.</summary>
    [Function(nameof(Flaky))]
    public void Flaky([QueueTrigger("%Test:FlakyQueue%")] QueueMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.MessageText;
        var dequeueCount = (int)message.DequeueCount;
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

    public sealed record OrderSeen(OrderMessage Order, long DequeueCount, string Id, DateTimeOffset InsertionTime, string PopReceipt, string? MessageText, string FunctionName);
}
