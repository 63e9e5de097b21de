namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>A queue trigger: resolved queue name and the configuration name of its connection string.</summary>
internal sealed record QueueTriggerDefinition(string QueueName, string ConnectionName) : FunctionTrigger;
