using System.Runtime.CompilerServices;

// The tests check the rule catalog against the published JSON Schema of schema files.
[assembly: InternalsVisibleTo("Codec.Generators.Tests")]
