namespace DataOps.Durable.Hosting;

/// <summary>Which key, if any, an HTTP-triggered function requires.</summary>
public enum AuthorizationLevel
{
    /// <summary>No key required.</summary>
    Anonymous = 0,

    /// <summary>Any key under the configuration section <c>FunctionKeys</c> (including the master key).</summary>
    Function = 1,

    /// <summary>Only the master key, configuration value <c>FunctionKeys:master</c>.</summary>
    Admin = 2,
}
