/** System errors from reading and writing files, said in words an editor understands (zh/en). */
import type { Message } from '../diagnostics.js';
import { msg } from '../i18n/lang.js';

/** Why `err` happened, without the path (the caller names the file); falls back to the system's own words. */
export function describeFsError(err: unknown): Message {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return msg('文件或文件夹不存在', 'no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return msg('没有权限', 'permission denied');
    case 'EISDIR':
      return msg('这是一个文件夹', 'it is a folder');
    case 'ENOTDIR':
      return msg('路径中有一段是文件而不是文件夹', 'part of the path is a file, not a folder');
    case 'EEXIST':
      return msg('已经存在', 'it already exists');
    case 'ENOSPC':
    case 'EDQUOT':
      return msg('磁盘空间不足', 'no space left on the device');
    case 'EROFS':
      return msg('文件系统只读', 'read-only file system');
    case 'ENAMETOOLONG':
      return msg('文件名太长', 'the file name is too long');
    case 'EMFILE':
    case 'ENFILE':
      return msg('同时打开的文件太多', 'too many open files');
    case 'EBUSY':
      return msg('文件正被其他程序使用', 'the file is in use by another program');
    case 'ELOOP':
      return msg('符号链接循环', 'too many levels of symbolic links');
    default: {
      const detail = err instanceof Error ? err.message : String(err);
      return msg(`系统错误：${detail}`, `system error: ${detail}`);
    }
  }
}
