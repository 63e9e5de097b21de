namespace DataOps.LocalHost.Hosting;

/// <summary>
/// Thrown at start-up when a function is malformed (no or several triggers, a parameter the host cannot
/// bind, a duplicate name, a bad cron expression or route). The message names the function and parameter.
/// </summary>
internal sealed class FunctionIndexingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FunctionIndexingException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the function and parameter.</param>
    public FunctionIndexingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying error.</summary>
    /// <param name="message">What is wrong, naming the function and parameter.</param>
    /// <param name="innerException">The underlying error.</param>
    public FunctionIndexingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
