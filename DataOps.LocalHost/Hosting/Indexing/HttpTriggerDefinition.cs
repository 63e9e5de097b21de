using Microsoft.Azure.Functions.Worker;

namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>An HTTP trigger: route below the prefix, accepted methods (empty for all) and key level.</summary>
internal sealed record HttpTriggerDefinition(string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel) : FunctionTrigger;
