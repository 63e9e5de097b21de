namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Thrown at start-up when a function is malformed (no or several triggers, a parameter the host cannot
/// bind, a duplicate name, a bad cron expression or route). The message names the function and parameter.
/// </summary>
internal sealed class FunctionIndexingException(string message, Exception? innerException = null)
    : Exception(message, innerException);
