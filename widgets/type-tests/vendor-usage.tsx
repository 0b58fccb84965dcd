/**
 * What a vendor writes, checked by `tsc -p widgets` (and `npm run typecheck`): the elements typed by tag
 * name, and the React wrappers' props and event props. Each `@ts-expect-error` marks a mistake the types
 * must refuse (tsc fails on a directive whose line compiles). Never run, never bundled.
 */
import { LeCoffreFolder, LeCoffreUpload } from '@lecoffre/widgets/react';

export function typedByTagName(): void {
  const folder = document.createElement('lecoffre-folder');
  folder.folderId = 'fld_1';
  folder.tokenProvider = async () => 'lcw_new';
  // @ts-expect-error: folderId is a string
  folder.folderId = 42;
  const upload = document.querySelector('lecoffre-upload');
  upload?.addEventListener('lecoffre-document-uploaded', (event) => console.log(event.detail.files.length));
  upload?.addEventListener('lecoffre-session-expired', (event) => console.log(event.detail.requestId));
}

export function VendorPage({ token }: { token: string }) {
  return (
    <>
      <LeCoffreUpload
        token={token}
        baseUrl="https://api.lecoffre.fr"
        lang="fr"
        tokenProvider={async () => 'lcw_new'}
        onUploaded={(event) => console.log(event.detail.requestId, event.detail.files[0]?.name)}
        onError={(event) => console.log(event.detail.code)}
        onSessionExpired={(event) => console.log(event.detail.message)}
      />
      <LeCoffreFolder
        folderId="fld_1"
        token={token}
        baseUrl="https://api.lecoffre.fr"
        onRefused={(event) => console.log(event.detail.reason)}
      />
      {/* @ts-expect-error: the uploaded event carries files, not a reason */}
      <LeCoffreUpload onUploaded={(event) => console.log(event.detail.reason)} />
      {/* @ts-expect-error: tokenProvider answers a token */}
      <LeCoffreUpload tokenProvider={() => 42} />
    </>
  );
}
