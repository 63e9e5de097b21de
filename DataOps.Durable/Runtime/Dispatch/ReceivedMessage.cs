using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace DataOps.Durable.Runtime.Dispatch;

/// <summary>A decoded message and the queue receipt needed to delete, defer or abandon it.</summary>
internal sealed record ReceivedMessage(QueueClient Queue, QueueMessage Raw, TaskMessage Message);
