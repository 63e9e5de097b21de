namespace DataOps.Durable.Hosting;

/// <summary>
/// Binds a parameter to messages of a storage queue. The parameter may be a <see cref="string"/>
/// (the decoded message text), <see cref="BinaryData"/>, or any type deserialized from JSON
/// (a malformed message goes to <c>{queue}-poison</c>). Other parameters may take
/// <c>dequeueCount</c>, <c>id</c>, <c>insertionTime</c>, <c>expirationTime</c>, <c>nextVisibleTime</c>,
/// <c>popReceipt</c> by name, or a <see cref="QueueMessageInfo"/>.
/// </summary>
/// <param name="queueName">The queue name, or a <c>%Setting%</c> resolved from configuration.</param>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class QueueTriggerAttribute(string queueName) : Attribute
{
    /// <summary>The queue name, or a <c>%Setting%</c> resolved from configuration.</summary>
    public string QueueName { get; } = queueName;

    /// <summary>Name of the configuration value holding the connection string; default <c>AzureWebJobsStorage</c>.</summary>
    public string? Connection { get; set; }
}
