namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>What starts a function.</summary>
internal abstract record FunctionTrigger;
