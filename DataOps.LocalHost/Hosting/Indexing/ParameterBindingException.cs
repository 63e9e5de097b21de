namespace DataOps.LocalHost.Hosting.Indexing;

/// <summary>A trigger value could not be bound to a parameter (bad route value, malformed message).</summary>
internal sealed class ParameterBindingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
