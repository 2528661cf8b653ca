import { Alert, Center, Loader } from '@mantine/core';

/** What a page shows before its record arrives: a spinner, or why it could not be loaded. */
export function QueryPending({ error, message }: { error: { readonly message: string } | null | undefined; message(detail: string): string }) {
  if (error) {
    return (
      <Alert color="red" variant="light">
        {message(error.message)}
      </Alert>
    );
  }
  return (
    <Center py="xl">
      <Loader />
    </Center>
  );
}
